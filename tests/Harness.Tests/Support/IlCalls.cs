using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Harness.Tests.Support;

/// <summary>
/// Walks a method body's IL and yields the instructions that name a method: <c>call</c>, <c>callvirt</c>,
/// <c>newobj</c> (a constructor runs its body), and <c>ldftn</c>/<c>ldvirtftn</c> (a delegate or lambda is made to be
/// invoked; TorchSharp's own lambdas are reached this way).
/// </summary>
public static class IlCalls
{
    private static readonly Dictionary<short, int> OperandSizes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => OperandSize(o.OperandType));

    private static readonly HashSet<short> Calls =
        [OpCodes.Call.Value, OpCodes.Callvirt.Value, OpCodes.Newobj.Value, OpCodes.Ldftn.Value, OpCodes.Ldvirtftn.Value];

    /// <summary>The IL offset and the method token of each calling instruction in <paramref name="method"/>'s body.</summary>
    public static IEnumerable<(int Offset, EntityHandle Target)> In(PEReader pe, MethodDefinition method)
    {
        if (method.RelativeVirtualAddress == 0)
        {
            yield break;
        }

        var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes() ?? [];
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

            if (Calls.Contains(code))
            {
                yield return (start, MetadataTokens.EntityHandle(BitConverter.ToInt32(il, i)));
            }

            i += size;
        }
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
