using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Contacts;

/// <summary>SVC-1, SVC-4, SVC-11: every contact with a customer is recorded, on the customer's 时间线 with everything else that happened to them.</summary>
public static class ContactsFeature
{
    public static WebApplicationBuilder AddContacts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<RecordContact>();
        services.AddScoped<GetContact>();
        services.AddScoped<ListContacts>();
        services.AddScoped<ITimelineSource, ContactTimeline>();
        services.AddScoped<ICustomerMergeStep, MoveContacts>();
        services.AddScoped<ICustomerErasureStep, EraseContacts>();
        // The 时间线 tab, first after the profile: every kind of event, with the form to record a contact right there.
        services.AddSingleton(new CustomerTab(5, "Timeline.Tab", typeof(Pages.CustomerTimelineTab), "timeline-tab"));
        return builder;
    }

    public static WebApplication MapContacts(this WebApplication app)
    {
        var contacts = app.MapGroup("/api/contacts").RequireAuthorization().WithTags("Contacts");
        contacts.MapPost("/", async (RecordContactBody body, RecordContact record, GetContact get, CancellationToken ct) =>
                await (await record.Handle(body, ct)).ToHttp(async id => TypedResults.Created($"/api/contacts/{id}", (await get.Handle(id, ct)).Value)))
            .Produces<ContactRecordView>(StatusCodes.Status201Created)
            .WithSummary("Record a contact the caller had: {customerId, channel: phone|email|sms|wechat|chat|visit|letter, direction: inbound|outbound, at (ISO instant, default now; not in the future), summary (≤ 2000), outcome (≤ 500), touchpoint: preSale|sale|delivery|afterSale}. "
                + "The customer must be in the caller's sight (404 otherwise) and active; those who serve it and customer service record, leadership and administrators read (403). The customer's lastContactAt moves forward.");
        contacts.MapGet("/{id:guid}", async (Guid id, GetContact get, CancellationToken ct) => (await get.Handle(id, ct)).ToHttp())
            .Produces<ContactRecordView>()
            .WithSummary("One contact; 404 when its customer is out of the caller's sight.");
        app.MapGet("/api/customers/{id:guid}/contacts", async (Guid id, [AsParameters] Paging paging, ListContacts list, CancellationToken ct) =>
                (await list.Handle(id, paging, ct)).ToHttp())
            .RequireAuthorization().WithTags("Contacts")
            .Produces<Page<ContactRecordView>>()
            .WithSummary("The customer's contacts, newest first; page/pageSize.");
        return app;
    }
}
