namespace Harness.Data.Synthetic;

/// <summary>
/// A tiny, fast, deterministic generator (SplitMix64). Used instead of <see cref="Random"/> so that any document
/// can be generated on its own from (seed, index) in O(1), identically on every runtime.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed)
    {
        _state = seed;
    }

    /// <summary>A stateless mix of a value (the SplitMix64 finaliser).</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Hashes a seed, a stream tag and two values into one 64-bit value.</summary>
    public static ulong Hash(long seed, ulong tag, long a, long b = 0)
    {
        unchecked
        {
            return Mix(Mix(Mix((ulong)seed ^ Mix(tag)) ^ (ulong)a) ^ (ulong)b);
        }
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A uniform integer in [0, n).</summary>
    public int Next(int n) => (int)((NextUInt64() >> 33) * (ulong)n >> 31);

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
