using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Harness.Tests.Support;

/// <summary>
/// The TorchSharp members that make a Scalar nothing keeps alive while libtorch reads it, found in TorchSharp.dll's own
/// IL (see <see cref="ImplicitScalarScanner"/> for the hazard). For TorchSharp 0.107.0 the set holds 423 members.
/// <para>
/// A member is risky when its body
/// <list type="bullet">
/// <item>calls <c>Scalar.op_Implicit</c>: the converted Scalar is a temporary whose handle goes to libtorch, e.g.
/// <c>Tensor.add(Tensor target) { return add(target, 1); }</c>, <c>square() => pow(2)</c>, or the operators with a
/// number (<c>Tensor / double</c> converts the double, then calls <c>div(Scalar)</c>);</item>
/// <item>or calls <c>ToScalar</c> (or constructs a Scalar), and neither disposes a Scalar nor calls <c>GC.KeepAlive</c>,
/// and does not return a Scalar (its caller would own it): without a dispose or KeepAlive after the native call, the
/// JIT may drop the last reference as soon as the handle is read, as with an implicit one
/// (<c>linalg.vector_norm</c> passes <c>ord.ToScalar().Handle</c>). A body that disposes one Scalar is taken to keep
/// all of its Scalars alive, which may miss one that disposes one and drops another;</item>
/// <item>or calls (call, callvirt), constructs (newobj) or makes a delegate to (ldftn) a risky TorchSharp method: the
/// closure over TorchSharp's call graph, e.g. <c>Tensor.op_Addition(Tensor, Tensor)</c> → <c>add(Tensor)</c>, or
/// <c>optim.AdamW.step</c> → its lambda, which converts the betas.</item>
/// </list>
/// Only statically bound targets are followed inside the closure. Then, and not followed further, a virtual member is
/// marked risky when an override of it in a derived TorchSharp type is (<see cref="AddVirtualsWithRiskyOverrides"/>):
/// our IL names the member a call binds to, so <c>optimizer.step()</c> on an AdamW reads as <c>Optimizer.step</c>.
/// Following overrides inside the closure would make <c>Module.call</c> risky (it calls <c>forward</c>, and
/// BatchNorm's converts implicitly), and with it every module call in our models.
/// </para>
/// </summary>
public static class RiskyTorchSharpMembers
{
    private const string Scalar = "TorchSharp.Scalar";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Cached =
        new(() => Find(Path.Combine(TestPaths.Output, "TorchSharp.dll")));

    /// <summary>
    /// The risky members of the TorchSharp.dll in the test output, each (by <see cref="SignatureNames"/>' full name)
    /// with the reason: the Scalar-creating member it reaches, as a chain.
    /// </summary>
    public static IReadOnlyDictionary<string, string> InTestOutput => Cached.Value;

    /// <summary>The risky members of the TorchSharp assembly at <paramref name="torchSharpPath"/>, with their reasons.</summary>
    public static IReadOnlyDictionary<string, string> Find(string torchSharpPath)
    {
        using var pe = new PEReader(File.OpenRead(torchSharpPath));
        var md = pe.GetMetadataReader();
        var callers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var risky = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        var virtuals = new List<(string Name, MethodDefinition Method)>();
        foreach (var handle in md.MethodDefinitions)
        {
            var name = SignatureNames.Of(md, handle);
            var definition = md.GetMethodDefinition(handle);
            if ((definition.Attributes & MethodAttributes.Virtual) != 0)
            {
                virtuals.Add((name, definition));
            }

            var callees = IlCalls.In(pe, md.GetMethodDefinition(handle))
                .Select(c => SignatureNames.Of(md, c.Target))
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
            foreach (var callee in callees)
            {
                if (!callers.TryGetValue(callee, out var list))
                {
                    callers[callee] = list = [];
                }

                list.Add(name);
            }

            if (Seed(name, callees) is { } reason)
            {
                risky[name] = reason;
                queue.Enqueue(name);
            }
        }

        while (queue.TryDequeue(out var callee))
        {
            foreach (var caller in callers.GetValueOrDefault(callee) ?? [])
            {
                if (risky.TryAdd(caller, $"{SignatureNames.Short(callee)} → {risky[callee]}"))
                {
                    queue.Enqueue(caller);
                }
            }
        }

        AddVirtualsWithRiskyOverrides(md, virtuals, risky);
        return risky;
    }

    /// <summary>
    /// Marks a virtual member risky when an override of it in a TorchSharp type derived from its own is: our IL names
    /// the member a call binds to (<c>optimizer.step()</c> is <c>Optimizer.step</c>), not the receiver's type, which
    /// may be <c>AdamW</c>. Overrides are matched by name and parameter count (a generic base's <c>forward(!0)</c> is
    /// overridden by <c>forward(Tensor)</c>); interfaces are not followed.
    /// </summary>
    private static void AddVirtualsWithRiskyOverrides(MetadataReader md, List<(string Name, MethodDefinition Method)> virtuals, Dictionary<string, string> risky)
    {
        var baseOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            if (!type.BaseType.IsNil && SignatureNames.TypeOf(md, type.BaseType) is { } baseName)
            {
                baseOf[SignatureNames.TypeOf(md, handle)] = baseName;
            }
        }

        var riskyOverrides = virtuals
            .Where(v => risky.ContainsKey(v.Name))
            .Select(v => (v.Name, Type: SignatureNames.TypeOf(md, v.Method.GetDeclaringType()), Member: Member(md, v.Method)))
            .ToList();
        foreach (var (name, method) in virtuals)
        {
            if (risky.ContainsKey(name))
            {
                continue;
            }

            var type = SignatureNames.TypeOf(md, method.GetDeclaringType());
            var member = Member(md, method);
            var over = riskyOverrides.FirstOrDefault(o => o.Member == member && Derives(baseOf, o.Type, type));
            if (over.Name is not null)
            {
                risky[name] = $"overridden by {SignatureNames.Short(over.Name)} → {risky[over.Name]}";
            }
        }
    }

    private static string Member(MetadataReader md, MethodDefinition method) =>
        $"{md.GetString(method.Name)}/{method.DecodeSignature(SignatureNames.Instance, null).ParameterTypes.Length}";

    private static bool Derives(Dictionary<string, string> baseOf, string type, string ancestor)
    {
        for (var t = baseOf.GetValueOrDefault(type); t is not null; t = baseOf.GetValueOrDefault(t))
        {
            if (t == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Seed(string method, HashSet<string> callees)
    {
        if (callees.Any(c => c.StartsWith($"{Scalar}::op_Implicit`", StringComparison.Ordinal)))
        {
            return "Scalar.op_Implicit";
        }

        var creates = callees.Any(c =>
            c.StartsWith("TorchSharp.ScalarExtensionMethods::ToScalar`", StringComparison.Ordinal)
            || c.StartsWith($"{Scalar}::.ctor`", StringComparison.Ordinal));
        var keepsAlive = callees.Any(c =>
            c.StartsWith($"{Scalar}::Dispose`", StringComparison.Ordinal)
            || c.StartsWith("System.GC::KeepAlive`", StringComparison.Ordinal));
        // A member that returns the Scalar it makes (op_Implicit itself, Tensor.ToScalar()) hands it to its caller, who owns it.
        var returnsIt = method.EndsWith($"){Scalar}", StringComparison.Ordinal);
        return creates && !keepsAlive && !returnsIt ? "ToScalar, never disposed" : null;
    }
}
