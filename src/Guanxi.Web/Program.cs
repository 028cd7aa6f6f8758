using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Demo;
using Guanxi.Web.Features.Imports;
using Guanxi.Web.Features.Orders;
using Guanxi.Web.Shared;

var builder = WebApplication.CreateBuilder(args);
builder.AddGuanxiHost();
builder.AddGuanxiData();
builder.AddAccounts();
builder.AddAudit();
builder.AddCustomers();
builder.AddImports();
builder.AddOrders();

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
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();

public partial class Program;
