using System.Text.Json;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Orders;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// An order import: the file's lines are gathered into orders by kind and number (the lines of an order need not be
/// next to each other), each order's customer is found by customer number (客户编号) or mobile — or created, owned by the
/// importer, when the number is new — and the orders are upserted like <c>POST /api/orders/batch</c>. A line that cannot
/// be used is rejected with row, column and reason; as with customers, a commit writes nothing when lines were rejected
/// unless the user chose to import only the valid ones.
/// </summary>
public sealed class RunOrderImport(
    GuanxiDbContext db, CustomerViewers viewers, FindDuplicates duplicates, OrderWriter writer, CurrentUser user, EnterpriseClock clock, TimeProvider time)
{
    private const int WriteBatch = 5000;

    private sealed class Planned(OrderLine first)
    {
        public OrderLine First { get; } = first;
        public List<OrderItem> Items { get; } = [];
        public decimal? Amount { get; set; }
        public Guid CustomerId { get; set; }

        /// <summary>The customer found by number or mobile is one the importer may not enter orders for (ARC-9).</summary>
        public bool CustomerOutOfSight { get; set; }
    }

    public async Task<IReadOnlyList<ImportError>> Handle(ImportJob job, CancellationToken cancellationToken)
    {
        var viewer = await viewers.Current(cancellationToken) ?? throw new InvalidOperationException("The importing user is gone.");
        var english = await ImportStaff.English(db, viewer.UserId, cancellationToken);
        var staff = await ImportStaff.ByNameOrEmail(db, activeOnly: false, cancellationToken);   // an old order names staff who have left
        var departments = (await db.Set<Department>().Select(d => new { d.Name, d.Id }).ToListAsync(cancellationToken))
            .GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var errors = new List<ImportError>();
        var orders = new Dictionary<(OrderKind, string), Planned>();
        void Reject(IReadOnlyList<ImportError> rowErrors)
        {
            job.Rejected++;
            if (errors.Count < ImportJob.MaxStoredErrors)
                errors.AddRange(rowErrors);
        }

        await using (var file = File.OpenRead(job.StoredPath))
        {
            var table = TabularReader.Read(file, job.FileName, TextEncodings.Find(job.Encoding));
            var mapping = job.Mapping is { } saved ? JsonSerializer.Deserialize<ImportField[]>(saved)! : HeaderMap.Guess(table.Headers);
            var reader = new OrderRowReader(table.Headers, mapping, staff, departments, new ImportOwner(viewer.UserId, viewer.DepartmentId), english);
            var orderNoColumn = HeaderMap.Label(ImportField.OrderNo, english);
            foreach (var row in table.Rows)
            {
                job.Processed++;
                if (job.Processed % 10_000 == 0 && file.Length > 0)
                    job.Total = Math.Max(job.Processed, (int)(job.Processed / Math.Max(0.01, file.Position / (double)file.Length)));
                var (line, rowErrors) = reader.Read(row);
                if (line is null)
                {
                    Reject(rowErrors);
                    continue;
                }
                if (!OrderAccess.CanWrite(viewer, line.DepartmentId))
                {
                    Reject([new ImportError(row.Number, HeaderMap.Label(ImportField.Department, english), english ? "You can only import your own department's orders" : "您只能导入本部门的订单")]);
                    continue;
                }
                if (!orders.TryGetValue((line.Kind, line.OrderNo), out var order))
                    orders[(line.Kind, line.OrderNo)] = order = new Planned(line);
                else if (line.CustomerNo != order.First.CustomerNo || line.Mobile != order.First.Mobile)
                {
                    Reject([new ImportError(row.Number, orderNoColumn, english
                        ? $"Order {line.OrderNo} has another customer on row {order.First.Row}"
                        : $"订单 {line.OrderNo} 在第 {order.First.Row} 行是另一位客户的")]);
                    continue;
                }
                if (line.Item is { } item)
                    order.Items.Add(item);
                if (line.Amount is { } amount)
                    order.Amount = (order.Amount ?? 0) + amount;
            }
        }
        job.Total = job.Processed;

        var newCustomers = await Resolve(orders.Values, viewer, english, job.FileName, cancellationToken);
        var foreign = await OrderInput.ForeignNumbers(db, viewer, [.. orders.Keys], cancellationToken);
        var valid = new List<(OrderDetails Details, int Row)>();
        foreach (var order in orders.Values)
        {
            var f = order.First;
            if (foreign.Contains((f.Kind, f.OrderNo)))
            {
                Reject([new ImportError(f.Row, HeaderMap.Label(ImportField.OrderNo, english), english
                    ? $"Order {f.OrderNo} is another department's order, which you may not change"
                    : $"订单 {f.OrderNo} 是其他部门的订单，您无权修改")]);
                continue;
            }
            if (order.CustomerOutOfSight)
            {
                Reject([new ImportError(f.Row, HeaderMap.Label(f.CustomerNo is null ? ImportField.Mobile : ImportField.ExternalId, english), english
                    ? "This customer belongs to another department; their orders are imported there"
                    : "该客户属于其他部门，其订单请由该部门导入")]);
                continue;
            }
            var details = new OrderDetails(f.Kind, f.OrderNo, order.CustomerId, f.DepartmentId, f.StaffId, f.OrderedAt, f.DeliveredAt, order.Items, order.Amount,
                f.Cost, f.Vehicle, f.PaymentTerms, [], null, f.Channel);
            if (Order.Validate(details) is [var first, ..])
                Reject([new ImportError(f.Row, HeaderMap.Label(ImportField.OrderNo, english), $"{f.OrderNo}: {first.MessageFor(english)}")]);
            else
                valid.Add((details, f.Row));
        }
        var customersOfValid = valid.Select(v => v.Details.CustomerId).ToHashSet();
        newCustomers.RemoveAll(c => !customersOfValid.Contains(c.Customer.Id));   // only the customers of orders that are written
        job.CustomersCreated = newCustomers.Count;
        if (job.Mode == ImportMode.DryRun)
        {
            var existing = await Existing([.. valid.Select(v => (v.Details.Kind, v.Details.ExternalNo!))], cancellationToken);
            job.Updated = valid.Count(v => existing.Contains((v.Details.Kind, v.Details.ExternalNo!)));
            job.Created = valid.Count - job.Updated;
            return errors;
        }
        if (job.Rejected > 0 && !job.OnlyValid)
        {
            job.Message = english
                ? $"{job.Rejected} lines have errors; nothing was imported. Correct them and import again, or choose to import only the {valid.Count} valid orders."
                : $"有 {job.Rejected} 行有错误，未导入任何数据。请改正后重新导入，或选择“只导入正确的 {valid.Count} 个订单”。";
            job.CustomersCreated = 0;
            return errors;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using (var customers = new CustomerBulkWriter(db, user, time))
        {
            foreach (var chunk in newCustomers.Chunk(1000))
                await customers.Write(chunk, cancellationToken);
        }
        foreach (var chunk in valid.Chunk(WriteBatch))
        {
            var (created, _, _) = await writer.Upsert([.. chunk.Select(c => c.Details)], i => $"{job.FileName} #{chunk[i].Row}", cancellationToken);
            job.Created += created;
            job.Updated += chunk.Length - created;   // known numbers, changed or not
        }
        await transaction.CommitAsync(cancellationToken);
        await writer.AfterCommit(cancellationToken);
        return errors;
    }

    /// <summary>
    /// Each order's customer: by number (a merged customer's orders go to the survivor), else by mobile, else a new customer
    /// with that number, named by the file or "客户 12345", owned by the importer. Returns the new customers, not yet written.
    /// </summary>
    private async Task<List<(Customer Customer, string Source)>> Resolve(IEnumerable<Planned> orders, Viewer viewer, bool english, string fileName, CancellationToken cancellationToken)
    {
        var all = orders.ToList();
        var byNumber = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var departmentOf = new Dictionary<Guid, Guid>();
        foreach (var chunk in all.Select(o => o.First.CustomerNo).OfType<string>().Distinct().Chunk(1000))
        {
            var found = await db.Set<Customer>().Where(c => chunk.Contains(c.ExternalNo) && c.Status != CustomerStatus.Erased)
                .Select(c => new { c.ExternalNo, c.Id, c.Status, c.MergedIntoId, c.DepartmentId }).ToListAsync(cancellationToken);
            foreach (var c in found.OrderBy(c => c.Status == CustomerStatus.Merged))
            {
                var target = c.Status == CustomerStatus.Merged && c.MergedIntoId is { } survivor ? survivor : c.Id;
                if (byNumber.TryAdd(c.ExternalNo!, target))
                    departmentOf[target] = c.DepartmentId;
            }
        }
        var byMobile = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var chunk in all.Select(o => o.First.Mobile).OfType<string>().Distinct().Select(CustomerKeys.MobileKey).Chunk(1000))
        {
            foreach (var holder in await duplicates.Holders(chunk).ToListAsync(cancellationToken))
            {
                if (byMobile.TryAdd(holder.Key, holder.Id))
                    departmentOf[holder.Id] = holder.DepartmentId;
            }
        }
        var created = new List<(Customer Customer, string Source)>();
        var today = clock.Today;
        foreach (var order in all)
        {
            var f = order.First;
            if (f.CustomerNo is { } number && byNumber.TryGetValue(number, out var id) || f.Mobile is { } mobile && byMobile.TryGetValue(CustomerKeys.MobileKey(mobile), out id))
            {
                order.CustomerId = id;
                order.CustomerOutOfSight = departmentOf.TryGetValue(id, out var department) && !OrderAccess.CanOrderFor(viewer, f.Kind, department);
                continue;
            }
            var name = f.CustomerName ?? (english ? $"Customer {f.CustomerNo ?? f.Mobile}" : $"客户 {f.CustomerNo ?? f.Mobile}");
            var details = new CustomerDetails(CustomerType.Person, name, null, f.Mobile is { } m ? [new CustomerPhone(PhoneKind.Mobile, m)] : [], [], null,
                f.Region is { } region ? [new CustomerAddress(region, null, null, null)] : [], null, false, Gender.Unknown, null, null, null,
                viewer.UserId, viewer.DepartmentId, null, null, null);
            var customer = Customer.Create(details, time.GetUtcNow(), today).Value!;
            if (f.CustomerNo is { } newNumber)
            {
                customer.Numbered(newNumber);
                byNumber[newNumber] = customer.Id;
            }
            if (f.Mobile is { } newMobile)
                byMobile[CustomerKeys.MobileKey(newMobile)] = customer.Id;
            created.Add((customer, $"{fileName} #{f.Row}"));
            order.CustomerId = customer.Id;
        }
        return created;
    }

    private async Task<HashSet<(OrderKind, string)>> Existing(IReadOnlyList<(OrderKind Kind, string No)> numbers, CancellationToken cancellationToken)
    {
        var existing = new HashSet<(OrderKind, string)>();
        foreach (var group in numbers.GroupBy(n => n.Kind))
        {
            foreach (var chunk in group.Select(n => n.No).Distinct().Chunk(1000))
            {
                var kind = group.Key;
                foreach (var no in await db.Set<Order>().Where(o => o.Kind == kind && chunk.Contains(o.ExternalNo)).Select(o => o.ExternalNo).ToListAsync(cancellationToken))
                    existing.Add((kind, no));
            }
        }
        return existing;
    }
}
