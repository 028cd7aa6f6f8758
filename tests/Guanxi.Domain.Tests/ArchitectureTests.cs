using Guanxi.Domain.Accounts;

namespace Guanxi.Domain.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Domain_references_neither_EF_Core_nor_ASP_NET_Core()
    {
        var references = typeof(Department).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.Extensions", StringComparison.Ordinal));
    }
}
