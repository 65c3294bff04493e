using System.Runtime.InteropServices;

namespace Harness.Core.Running;

/// <summary>
/// Recognises an out-of-memory failure by what was thrown, anywhere in the exception chain: .NET's
/// <see cref="OutOfMemoryException"/> (and its <see cref="InsufficientMemoryException"/>), or a libtorch allocator
/// failure surfaced by TorchSharp. TorchSharp turns every native error into an <see cref="ExternalException"/> carrying
/// libtorch's message (c10::OutOfMemoryError's type does not cross the C boundary), so for that one type the
/// allocators' own messages are matched: CUDA's caching allocator ("CUDA out of memory"), ROCm's ("HIP out of
/// memory"), MPS ("MPS backend out of memory") and the CPU allocator ("DefaultCPUAllocator: can't allocate memory" /
/// "not enough memory"). Any other exception's text is not read: a plugin message that merely mentions memory is not
/// an out-of-memory.
/// </summary>
public static class OutOfMemory
{
    private static readonly string[] TorchAllocatorMessages =
    [
        "CUDA out of memory",
        "CUDA error: out of memory",
        "HIP out of memory",
        "MPS backend out of memory",
        "DefaultCPUAllocator: can't allocate memory",
        "DefaultCPUAllocator: not enough memory",
    ];

    /// <summary>Whether an exception (or one it wraps) is an out-of-memory failure.</summary>
    /// <param name="exception">What was thrown.</param>
    /// <param name="cause">The out-of-memory exception found.</param>
    /// <returns>True when out of memory.</returns>
    public static bool IsOutOfMemory(Exception exception, out Exception cause)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var e in Chain(exception))
        {
            if (e is OutOfMemoryException || (e is ExternalException && IsTorchAllocatorMessage(e.Message)))
            {
                cause = e;
                return true;
            }
        }

        cause = exception;
        return false;
    }

    /// <summary>Whether a libtorch error message is one of its allocators' out-of-memory errors.</summary>
    /// <param name="message">The message.</param>
    /// <returns>True for an allocator failure.</returns>
    public static bool IsTorchAllocatorMessage(string message) =>
        TorchAllocatorMessages.Any(m => message.Contains(m, StringComparison.Ordinal));

    private static IEnumerable<Exception> Chain(Exception root)
    {
        var pending = new Stack<Exception>();
        pending.Push(root);
        var seen = 0;
        while (pending.Count > 0 && seen++ < 64)
        {
            var e = pending.Pop();
            yield return e;
            if (e is AggregateException a)
            {
                foreach (var inner in a.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
