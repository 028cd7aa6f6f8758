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
using Guanxi.Web.Features.Surveys;
using Guanxi.Web.Features.Reviews;
using Guanxi.Web.Features.Tasks;
using Guanxi.Web;
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
builder.AddLifecycle();   // before Credit: an order write tells the lifecycle, then the credit (IOrdersWritten)
builder.AddTasks();
builder.AddReviews();
builder.AddNotifications();
builder.AddCredit();
builder.AddSurveys();
builder.AddJobs(q =>
{
    GradingFeature.Schedule(q, builder.Configuration);
    LifecycleFeature.Schedule(q);
    CreditFeature.Schedule(q, builder.Configuration);
    ReviewsFeature.Schedule(q, builder.Configuration);
    SurveyFeature.Schedule(q, builder.Configuration);
});

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
await app.Services.SeedQuestionnairesAsync();
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
app.MapReviews();
app.MapNotifications();
app.MapCredit();
app.MapSurveys();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();

public partial class Program;
