using Mono.Cecil;

namespace Guanxi.Web.Tests;

/// <summary>
/// Dependencies point one way (issue 21): Shared and Data know no feature, and features depend on each other only along
/// the edges named here, without a cycle. Read from the IL of Guanxi.Web — signatures, attributes and method bodies —
/// so a feature that calls another's handler or reads its entity counts, whatever the using directives say.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>
    /// Who may use whom: the features in layers, the foundation first (Settings, Audit, Jobs, Notifications, Accounts),
    /// then the archive (Customers, Tasks), the facts about customers (Orders, Lifecycle, Credit, Grading, Watchlists),
    /// the work on them (Reviews, Imports, Surveys), each role's view of it all (Workbench), and the app's own composition (Demo, Home), which may use anything.
    /// A new edge is a decision: add it here, keeping the graph without a cycle, or ask the other feature's handler
    /// through an edge that is already allowed.
    /// </summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Settings"] = ["Audit"],
        ["Audit"] = [],
        ["Calendar"] = ["Settings", "Audit"],
        ["Jobs"] = [],
        ["Notifications"] = [],
        ["Attachments"] = [],
        ["Accounts"] = ["Audit"],
        ["Customers"] = ["Accounts", "Audit", "Settings"],
        ["Tasks"] = ["Customers"],
        ["Orders"] = ["Customers", "Accounts", "Audit", "Settings"],
        ["Lifecycle"] = ["Customers", "Orders", "Tasks", "Settings", "Jobs"],
        ["Credit"] = ["Customers", "Orders", "Settings", "Jobs", "Notifications"],
        ["Grading"] = ["Customers", "Orders", "Lifecycle", "Credit", "Settings", "Jobs", "Notifications"],
        ["Watchlists"] = ["Customers", "Credit", "Grading", "Jobs", "Notifications"],
        ["FollowUps"] = ["Customers", "Contacts", "Tasks", "Grading", "Settings", "Notifications", "Jobs"],
        ["Reviews"] = ["Customers", "Tasks", "Settings", "Jobs"],
        ["Imports"] = ["Customers", "Orders", "Audit"],
        ["Surveys"] = ["Customers", "Accounts", "Tasks", "Imports", "Jobs", "Notifications", "Settings"],
        ["Contacts"] = ["Customers"],
        ["Workbench"] = ["Customers", "Accounts", "Grading", "Watchlists", "Surveys", "Jobs", "Settings", "FollowUps", "Complaints", "Improvement"],
        ["Cases"] = ["Customers", "Complaints", "Audit"],
        ["Complaints"] = ["Customers", "Orders", "Accounts", "Calendar", "Settings", "Notifications", "Jobs", "Imports", "Surveys"],
        ["ServiceDesk"] = ["Complaints", "Customers", "Accounts", "Settings", "Notifications", "Jobs"],
        ["Improvement"] = ["Customers", "Accounts", "Calendar", "Settings", "Notifications", "Jobs", "Inspections", "Attachments", "Surveys", "Complaints"],
        ["Inspections"] = ["Customers", "Audit", "Calendar", "Notifications", "Jobs", "Attachments"],
        ["Messaging"] = ["Customers", "Settings"],
        ["Care"] = ["Messaging", "Customers", "Jobs"],
        ["Stock"] = ["Customers", "Audit", "Settings", "Notifications", "Jobs", "Imports"],
        ["Recommendations"] = ["Customers", "Orders", "Tasks", "Settings", "Jobs", "Messaging"],
        ["Demo"] = ["*"],
        ["Home"] = ["*"],
    };

    private static readonly Lazy<Dictionary<(string From, string To), string>> Edges = new(Read);

    /// <summary>The part of the app a type belongs to: a feature's name, "Shared", "Data", or "Host" (Program, the composition root).</summary>
    private static string PartOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
            type = type.DeclaringType;
        var name = type.Namespace ?? "";
        if (!name.StartsWith("Guanxi.Web", StringComparison.Ordinal))
            return "";
        var parts = name.Split('.');
        return parts.Length >= 4 && parts[2] == "Features" ? parts[3]
            : parts.Length >= 3 && parts[2] is "Shared" or "Data" ? parts[2]
            : "Host";
    }

    /// <summary>Every edge between parts, with one example of a type that makes it, for the message.</summary>
    private static Dictionary<(string From, string To), string> Read()
    {
        var path = typeof(Program).Assembly.Location;
        using var module = ModuleDefinition.ReadModule(path);
        var edges = new Dictionary<(string, string), string>();
        void Add(TypeDefinition from, TypeReference? to)
        {
            if (to is null)
                return;
            if (to is GenericInstanceType generic)
            {
                foreach (var argument in generic.GenericArguments)
                    Add(from, argument);
            }
            if (to is TypeSpecification specification)
            {
                Add(from, specification.ElementType);
                return;
            }
            var (a, b) = (PartOf(from), PartOf(to));
            if (a.Length > 0 && b.Length > 0 && a != b)
                edges.TryAdd((a, b), $"{from.FullName} → {to.FullName}");
        }
        foreach (var type in module.GetTypes())
        {
            Add(type, type.BaseType);
            foreach (var i in type.Interfaces)
                Add(type, i.InterfaceType);
            foreach (var a in type.CustomAttributes)
                Add(type, a.AttributeType);
            foreach (var f in type.Fields)
                Add(type, f.FieldType);
            foreach (var p in type.Properties)
                Add(type, p.PropertyType);
            foreach (var m in type.Methods)
            {
                Add(type, m.ReturnType);
                foreach (var p in m.Parameters)
                    Add(type, p.ParameterType);
                if (!m.HasBody)
                    continue;
                foreach (var v in m.Body.Variables)
                    Add(type, v.VariableType);
                foreach (var instruction in m.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference t:
                            Add(type, t);
                            break;
                        case MethodReference method:
                            Add(type, method.DeclaringType);
                            Add(type, method.ReturnType);
                            if (method is GenericInstanceMethod g)
                            {
                                foreach (var argument in g.GenericArguments)
                                    Add(type, argument);
                            }
                            break;
                        case FieldReference field:
                            Add(type, field.DeclaringType);
                            break;
                    }
                }
            }
        }
        return edges;
    }

    [Fact]
    public void Shared_and_Data_know_no_feature()
    {
        var wrong = Edges.Value.Where(e => e.Key.From is "Shared" or "Data" && e.Key.To is not ("Shared" or "Data" or "Host"))
            .Select(e => e.Value).ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong.Prepend("Shared and Data must not use a feature:")));
    }

    [Fact]
    public void Features_depend_on_each_other_only_along_the_allowed_edges()
    {
        var features = Edges.Value.Where(e => e.Key.From is not ("Shared" or "Data" or "Host") && e.Key.To is not ("Shared" or "Data" or "Host")).ToList();
        var unknown = features
            .Where(e => !(Allowed.TryGetValue(e.Key.From, out var to) && (to.Contains("*") || to.Contains(e.Key.To))))
            .Select(e => $"{e.Key.From} → {e.Key.To} ({e.Value})").ToList();
        Assert.True(unknown.Count == 0, string.Join('\n', unknown.Prepend("Dependencies between features not allowed in ArchitectureTests.Allowed:")));
    }

    [Fact]
    public void The_allowed_feature_dependencies_have_no_cycle()
    {
        var graph = Allowed.Where(a => !a.Value.Contains("*")).ToDictionary(a => a.Key, a => a.Value);
        var cycle = FindCycle(graph);
        Assert.True(cycle is null, $"A cycle between features: {string.Join(" → ", cycle ?? [])}");
    }

    private static List<string>? FindCycle(Dictionary<string, string[]> graph)
    {
        var state = new Dictionary<string, int>();   // 1 on the path, 2 done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            if (state.GetValueOrDefault(node) == 2)
                return null;
            if (state.GetValueOrDefault(node) == 1)
                return [.. path.SkipWhile(n => n != node), node];
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (Visit(next) is { } found)
                    return found;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        return graph.Keys.Select(Visit).FirstOrDefault(c => c is not null);
    }
}
