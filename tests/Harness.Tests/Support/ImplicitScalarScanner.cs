using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Harness.Tests.Support;

/// <summary>
/// Finds, with the source line through the portable PDB, the places where our IL lets TorchSharp make a Scalar that
/// nothing keeps alive. TorchSharp leaves such a Scalar to the finalizer (dotnet/TorchSharp#1434, #1496): once its
/// handle is passed to libtorch the object is unreachable, so a collection during the native call can free the scalar
/// libtorch is reading (it crashed 5 of 60 Debian cells). Two kinds of site count:
/// <list type="bullet">
/// <item><see cref="Find"/>: a call to <c>TorchSharp.Scalar.op_Implicit</c> in our own IL (<c>x.mul(0.5)</c>);</item>
/// <item><see cref="FindRiskyTorchSharpCalls"/>: a call, callvirt, newobj or ldftn in our IL naming a TorchSharp
/// member that makes such a Scalar inside TorchSharp, directly or through other TorchSharp members (the closure is
/// <see cref="RiskyTorchSharpMembers"/>): <c>a + b</c> is <c>Tensor.op_Addition(Tensor, Tensor)</c>, which calls
/// <c>add(Tensor)</c>, whose body is <c>return add(target, 1);</c>, so its alpha is an implicit Scalar.</item>
/// </list>
/// The safe forms pass a Scalar we own and keep alive across the call: <c>using var s = x.ToScalar();</c>, or a static
/// readonly constant (<c>a.add(b, One)</c>). Written with System.Reflection.Metadata (in the BCL) because no analyzer
/// flags user-defined implicit conversions, let alone ones inside a referenced assembly.
/// </summary>
public static class ImplicitScalarScanner
{
    /// <summary>Returns <c>file:line (Type.Method)</c> for each implicit conversion in our IL, in IL order.</summary>
    /// <param name="assemblyPath">A managed assembly with its portable PDB beside it.</param>
    public static IReadOnlyList<string> Find(string assemblyPath) =>
        Scan(assemblyPath, target => target.StartsWith("TorchSharp.Scalar::op_Implicit`", StringComparison.Ordinal) ? "" : null)
            .Select(h => $"{h.File}:{h.Line} ({h.Caller})".Replace(":0 (", " (", StringComparison.Ordinal))
            .ToList();

    /// <summary>
    /// Returns each call in our IL to a member of <paramref name="risky"/> (by default the closure over the TorchSharp.dll
    /// in the test output), in IL order.
    /// </summary>
    /// <param name="assemblyPath">A managed assembly with its portable PDB beside it.</param>
    /// <param name="risky">Risky TorchSharp members by full name, with why (<see cref="RiskyTorchSharpMembers"/>).</param>
    public static IReadOnlyList<ScalarHazard> FindRiskyTorchSharpCalls(string assemblyPath, IReadOnlyDictionary<string, string>? risky = null)
    {
        risky ??= RiskyTorchSharpMembers.InTestOutput;
        return Scan(assemblyPath, target => risky.GetValueOrDefault(target));
    }

    private static List<ScalarHazard> Scan(string assemblyPath, Func<string, string?> why)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var md = pe.GetMetadataReader();
        var pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
        using var pdbProvider = File.Exists(pdbPath) ? MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdbPath)) : null;
        var pdb = pdbProvider?.GetMetadataReader();
        var found = new List<ScalarHazard>();
        foreach (var typeHandle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(typeHandle);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = md.GetMethodDefinition(methodHandle);
                foreach (var (offset, target) in IlCalls.In(pe, method))
                {
                    // Our own methods are MethodDefs; TorchSharp's are MemberRefs (or MethodSpecs over them).
                    if (target.Kind == HandleKind.MethodDefinition || SignatureNames.Of(md, target) is not { } name || why(name) is not { } reason)
                    {
                        continue;
                    }

                    var (file, line) = Where(pdb, methodHandle, offset);
                    found.Add(new ScalarHazard(file, line, $"{md.GetString(type.Name)}.{md.GetString(method.Name)}", SignatureNames.Short(name), reason));
                }
            }
        }

        return found;
    }

    private static (string File, int Line) Where(MetadataReader? pdb, MethodDefinitionHandle method, int offset)
    {
        if (pdb is null)
        {
            return ($"IL_{offset:x4}", 0);
        }

        SequencePoint? best = null;
        foreach (var point in pdb.GetMethodDebugInformation(method.ToDebugInformationHandle()).GetSequencePoints())
        {
            if (point.Offset > offset)
            {
                break;
            }

            if (!point.IsHidden)
            {
                best = point;
            }
        }

        if (best is not { } p)
        {
            return ($"IL_{offset:x4}", 0);
        }

        var document = pdb.GetString(pdb.GetDocument(p.Document).Name);
        return (Path.GetFileName(document), p.StartLine);
    }
}
