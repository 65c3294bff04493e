using System.Reflection;
using System.Text;
using Harness.Abstractions;
using Harness.Tests.Support;

namespace Harness.Tests.Abstractions;

/// <summary>
/// The public surface of Harness.Abstractions is the plugin contract: any change to it must be deliberate. This test
/// compares the surface with the approved listing in PublicApi.approved.txt. After an intended change, copy the
/// PublicApi.received.txt this test writes next to the approved file, and bump HarnessContract.Minor (additive change)
/// or HarnessContract.Major (breaking change) together with the assembly version.
/// </summary>
public sealed class PublicApiTests
{
    [Test]
    public void The_contract_surface_matches_the_approved_listing()
    {
        var actual = Describe(typeof(HarnessContract).Assembly);
        var approvedPath = Path.Combine(TestPaths.RepoRoot, "tests", "Harness.Tests", "Abstractions", "PublicApi.approved.txt");
        var receivedPath = Path.ChangeExtension(approvedPath, null).Replace(".approved", ".received", StringComparison.Ordinal) + ".txt";
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : string.Empty;
        if (actual != approved)
        {
            File.WriteAllText(receivedPath, actual);
        }

        Assert.That(actual, Is.EqualTo(approved), $"the public API of Harness.Abstractions changed; see {receivedPath}");
    }

    private static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add($"{Kind(type)} {type.FullName}{Bases(type)}");
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(flags)
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Select(m => "  " + Member(m))
                .Order(StringComparer.Ordinal);
            lines.AddRange(members);
        }

        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    private static string Kind(Type t) =>
        t.IsInterface ? "interface" : t.IsEnum ? "enum" : t.IsValueType ? "struct" : t.IsAbstract && t.IsSealed ? "static class" : t.IsSealed ? "sealed class" : t.IsAbstract ? "abstract class" : "class";

    private static string Bases(Type t)
    {
        var bases = new List<string>();
        if (t.BaseType is { } b && b != typeof(object) && b != typeof(Enum) && b != typeof(ValueType))
        {
            bases.Add(Name(b));
        }

        bases.AddRange(t.GetInterfaces().Where(i => t.BaseType?.GetInterfaces().Contains(i) != true).Select(Name).Order(StringComparer.Ordinal));
        return bases.Count == 0 ? string.Empty : " : " + string.Join(", ", bases);
    }

    private static string Member(MemberInfo m) => m switch
    {
        ConstructorInfo c => $"ctor({Parameters(c.GetParameters())})",
        MethodInfo mi => $"{(mi.IsStatic ? "static " : string.Empty)}{Name(mi.ReturnType)} {mi.Name}({Parameters(mi.GetParameters())})",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic == true ? "static " : string.Empty)}{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : string.Empty)}{(p.SetMethod?.IsPublic == true ? (IsInit(p.SetMethod) ? "init; " : "set; ") : string.Empty)}}}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{Name(f.FieldType)} {f.Name}{(f.IsLiteral ? " = " + f.GetRawConstantValue() : string.Empty)}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        Type nested => $"nested {Kind(nested)} {nested.Name}",
        _ => m.ToString() ?? m.Name,
    };

    private static bool IsInit(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static string Parameters(ParameterInfo[] ps) =>
        string.Join(", ", ps.Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : string.Empty)}"));

    private static string Name(Type t)
    {
        if (t.IsGenericType)
        {
            var def = t.GetGenericTypeDefinition().FullName ?? t.Name;
            return $"{def[..def.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>";
        }

        return t.FullName ?? t.Name;
    }
}
