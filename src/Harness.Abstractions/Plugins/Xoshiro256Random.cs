namespace Harness.Abstractions.Plugins;

/// <summary>
/// The random stream of the contract (<see cref="IPluginContext.CreateRandom"/>): xoshiro256** (Blackman and Vigna,
/// 2018) seeded with four successive SplitMix64 outputs of a 64-bit seed. Unlike <see cref="Random"/>, whose
/// algorithm the .NET runtime may change, every value is fixed by this definition, so a run can be audited on a
/// future runtime:
/// <list type="bullet">
/// <item><c>NextUInt64()</c>: the next xoshiro256** output.</item>
/// <item><c>Next(n)</c>, <c>Next(a, b)</c>, <c>NextInt64(n)</c>, <c>NextInt64(a, b)</c>: Lemire's unbiased
/// multiply-and-reject bounding of <c>NextUInt64()</c> to the range size (a + that).</item>
/// <item><c>Next()</c>: <c>NextUInt64() &gt;&gt; 33</c>, redrawn while it equals int.MaxValue; <c>NextInt64()</c>:
/// <c>NextUInt64() &gt;&gt; 1</c>, redrawn while it equals long.MaxValue.</item>
/// <item><c>NextDouble()</c>: <c>(NextUInt64() &gt;&gt; 11) · 2⁻⁵³</c>; <c>NextSingle()</c>: <c>(NextUInt64() &gt;&gt; 40) · 2⁻²⁴</c>.</item>
/// <item><c>NextBytes</c>: the little-endian bytes of successive <c>NextUInt64()</c> values, the last one truncated.</item>
/// </list>
/// <see cref="Random"/>'s non-virtual helpers (<c>Shuffle</c>, <c>GetItems</c>) are runtime code built on these
/// members; for a stream fixed by the contract, use <see cref="Shuffle{T}(Span{T})"/> of this class.
/// </summary>
public sealed class Xoshiro256Random : Random
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the generator.</summary>
    /// <param name="seed">Any 64-bit value.</param>
    public Xoshiro256Random(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    /// <returns>A uniform 64-bit value.</returns>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <inheritdoc />
    public override int Next()
    {
        while (true)
        {
            var v = (int)(NextUInt64() >> 33);
            if (v != int.MaxValue)
            {
                return v;
            }
        }
    }

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue <= 1 ? 0 : (int)Bounded((ulong)maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        var range = (ulong)((long)maxValue - minValue);
        return range <= 1 ? minValue : (int)(minValue + (long)Bounded(range));
    }

    /// <inheritdoc />
    public override long NextInt64()
    {
        while (true)
        {
            var v = (long)(NextUInt64() >> 1);
            if (v != long.MaxValue)
            {
                return v;
            }
        }
    }

    /// <inheritdoc />
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue <= 1 ? 0 : (long)Bounded((ulong)maxValue);
    }

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        var range = (ulong)(maxValue - minValue);
        return range <= 1 ? minValue : unchecked(minValue + (long)Bounded(range));
    }

    /// <inheritdoc />
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <inheritdoc />
    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        var i = 0;
        while (i < buffer.Length)
        {
            var v = NextUInt64();
            for (var b = 0; b < 8 && i < buffer.Length; b++, i++)
            {
                buffer[i] = (byte)(v >> (8 * b));
            }
        }
    }

    /// <summary>Fisher-Yates shuffle fixed by the contract: for i from 0 to n-2, swap i with <c>Next(i, n)</c>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="values">The values, shuffled in place.</param>
    public new void Shuffle<T>(Span<T> values)
    {
        for (var i = 0; i < values.Length - 1; i++)
        {
            var j = Next(i, values.Length);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>Fisher-Yates shuffle fixed by the contract (see <see cref="Shuffle{T}(Span{T})"/>).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="values">The values, shuffled in place.</param>
    public new void Shuffle<T>(T[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Shuffle(values.AsSpan());
    }

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    private ulong Bounded(ulong n)
    {
        // Lemire, "Fast Random Integer Generation in an Interval" (2019): the high word of x·n is uniform on [0, n)
        // once the low word's biased region [0, 2^64 mod n) is rejected.
        var high = Math.BigMul(NextUInt64(), n, out var low);
        if (low < n)
        {
            var threshold = (0UL - n) % n;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), n, out low);
            }
        }

        return high;
    }

    private static ulong SplitMix64(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
