using Guanxi.Bench;

// Benchmarks at the issues' scale, each against a baseline doing the same work in the same process:
//   dotnet run -c Release --project bench/Guanxi.Bench -- audit  [rows=1000000] [queries=300]
//   dotnet run -c Release --project bench/Guanxi.Bench -- search [customers=1000000] [queries=200]
//   dotnet run -c Release --project bench/Guanxi.Bench -- import [rows=100000]
//   dotnet run -c Release --project bench/Guanxi.Bench -- orders [orders=200000]
//   dotnet run -c Release --project bench/Guanxi.Bench -- grading [customers=1000000] [orders=10×customers]
//   dotnet run -c Release --project bench/Guanxi.Bench -- surveys [customers=1000000] [orders=10×customers] [responses=500000]
//   dotnet run -c Release --project bench/Guanxi.Bench -- workbench [customers=1000000] [orders=10×customers]
//   dotnet run -c Release --project bench/Guanxi.Bench -- measures [measures=50000]
//   dotnet run -c Release --project bench/Guanxi.Bench -- messaging [customers=1000000]
//   dotnet run -c Release --project bench/Guanxi.Bench -- service [customers=1000000] [orders=10×customers] [complaints=2000000] [open=complaints/100]
//   dotnet run -c Release --project bench/Guanxi.Bench -- drain [messages=5000] [ratePerSecond=200]
if (args is ["search", .. var rest])
    await SearchBench.Run(rest);
else if (args is ["import", .. var import])
    await ImportBench.Run(import);
else if (args is ["orders", .. var orders])
    await OrdersBench.Run(orders);
else if (args is ["grading", .. var grading])
    await GradingBench.Run(grading);
else if (args is ["surveys", .. var surveys])
    await SurveyBench.Run(surveys);
else if (args is ["workbench", .. var workbench])
    await WorkbenchBench.Run(workbench);
else if (args is ["measures", .. var measures])
    await MeasuresBench.Run(measures);
else if (args is ["messaging", .. var messaging])
    await MessagingBench.Run(messaging);
else if (args is ["service", .. var service])
    await ServiceBench.Run(service);
else if (args is ["drain", .. var drain])
    await DrainBench.Run(drain);
else
    await AuditBench.Run(args is ["audit", .. var audit] ? audit : args);
