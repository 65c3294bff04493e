using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Harness.Tests.Support;

/// <summary>
/// Finds every call to <c>TorchSharp.Scalar.op_Implicit</c> in an assembly's IL and names its source line through the
/// portable PDB. TorchSharp leaves an implicitly converted Scalar to the finalizer (dotnet/TorchSharp#1434, #1496): once
/// its handle is passed to libtorch the object is unreachable, so a collection during the native call can free the
/// scalar libtorch is reading. Written with System.Reflection.Metadata (in the BCL) because no analyzer flags
/// user-defined implicit conversions.
/// </summary>
public static class ImplicitScalarScanner
{
    private static readonly Dictionary<short, int> OperandSizes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => OperandSize(o.OperandType));

    /// <summary>Returns <c>file:line (Type.Method)</c> for each implicit conversion, in IL order.</summary>
    /// <param name="assemblyPath">A managed assembly with its portable PDB beside it.</param>
    public static IReadOnlyList<string> Find(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var md = pe.GetMetadataReader();
        var pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
        using var pdbProvider = File.Exists(pdbPath) ? MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdbPath)) : null;
        var pdb = pdbProvider?.GetMetadataReader();
        var found = new List<string>();
        foreach (var typeHandle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(typeHandle);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = md.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes() ?? [];
                foreach (var offset in ImplicitScalarCalls(md, il))
                {
                    found.Add($"{Where(pdb, methodHandle, offset)} ({md.GetString(type.Name)}.{md.GetString(method.Name)})");
                }
            }
        }

        return found;
    }

    private static IEnumerable<int> ImplicitScalarCalls(MetadataReader md, byte[] il)
    {
        var i = 0;
        while (i < il.Length)
        {
            var start = i;
            short code = il[i++];
            if (code == 0xFE)
            {
                code = (short)(0xFE00 | il[i++]);
            }

            var size = OperandSizes.TryGetValue(code, out var s) ? s : 0;
            if (size == -1)
            {
                // switch: a count, then that many 4-byte targets
                size = 4 + (4 * BitConverter.ToInt32(il, i));
            }

            if ((code == OpCodes.Call.Value || code == OpCodes.Callvirt.Value) && IsImplicitScalar(md, MetadataTokens.EntityHandle(BitConverter.ToInt32(il, i))))
            {
                yield return start;
            }

            i += size;
        }
    }

    private static bool IsImplicitScalar(MetadataReader md, EntityHandle handle)
    {
        if (handle.Kind != HandleKind.MemberReference)
        {
            return false;
        }

        var member = md.GetMemberReference((MemberReferenceHandle)handle);
        if (md.GetString(member.Name) != "op_Implicit" || member.Parent.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        var parent = md.GetTypeReference((TypeReferenceHandle)member.Parent);
        return md.GetString(parent.Namespace) == "TorchSharp" && md.GetString(parent.Name) == "Scalar";
    }

    private static string Where(MetadataReader? pdb, MethodDefinitionHandle method, int offset)
    {
        if (pdb is null)
        {
            return $"IL_{offset:x4}";
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
            return $"IL_{offset:x4}";
        }

        var document = pdb.GetString(pdb.GetDocument(p.Document).Name);
        return $"{Path.GetFileName(document)}:{p.StartLine}";
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => -1,
        _ => 4,
    };
}
