using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Features.Credit;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Demo;
using Guanxi.Web.Features.Grading;
using Guanxi.Web.Features.Imports;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Features.Lifecycle;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Features.Orders;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Features.Tasks;
using Guanxi.Web.Shared;

var builder = WebApplication.CreateBuilder(args);
builder.AddGuanxiHost();
builder.AddGuanxiData();
builder.AddAccounts();
builder.AddAudit();
builder.AddCustomers();
builder.AddImports();
builder.AddOrders();
builder.AddSettings();
builder.AddGrading();
builder.AddLifecycle();
builder.AddTasks();
builder.AddNotifications();
builder.AddCredit();
builder.AddJobs(q =>
{
    GradingFeature.Schedule(q, builder.Configuration);
    LifecycleFeature.Schedule(q, builder.Configuration);
    CreditFeature.Schedule(q, builder.Configuration);
});

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
await app.Services.SeedDemoAsync();
await app.Services.CreateFirstAdministratorAsync();
app.UseGuanxiHost();
app.MapAccounts();
app.MapAudit();
app.MapCustomers();
app.MapImports();
app.MapOrders();
app.MapJobs();
app.MapGrading();
app.MapLifecycle();
app.MapTasks();
app.MapNotifications();
app.MapCredit();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();

public partial class Program;
