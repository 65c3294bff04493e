using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Harness.Evaluation.Internal.Parsing;

/// <summary>
/// An open-addressing map from byte strings (query ids, docnos) to integer values; keys are copied into one arena.
/// Lookups by <see cref="ReadOnlySpan{T}"/> need no string allocation. Reads are thread-safe once building is done.
/// </summary>
internal sealed class ByteKeyMap
{
    private int[] _slots;
    private int[] _starts;
    private int[] _lengths;
    private int[] _hashes;
    private int[] _values;
    private byte[] _arena;
    private int _arenaLength;
    private int _mask;

    public ByteKeyMap(int capacity = 8)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _slots = new int[size];
        _mask = size - 1;
        var entries = Math.Max(capacity, 4);
        _starts = new int[entries];
        _lengths = new int[entries];
        _hashes = new int[entries];
        _values = new int[entries];
        _arena = new byte[entries * 12];
    }

    public int Count { get; private set; }

    public ReadOnlySpan<byte> KeyAt(int index) => _arena.AsSpan(_starts[index], _lengths[index]);

    public int ValueAt(int index) => _values[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Hash(ReadOnlySpan<byte> key)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)key.Length;
        while (key.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(key)) * 0xFF51AFD7ED558CCDUL;
            h ^= h >> 29;
            key = key[8..];
        }

        ulong tail = 0;
        foreach (var b in key)
        {
            tail = (tail << 8) | b;
        }

        h = (h ^ tail) * 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 32;
        return (int)h;
    }

    /// <summary>The entry index of <paramref name="key"/>, or -1.</summary>
    public int IndexOf(ReadOnlySpan<byte> key) => IndexOf(key, Hash(key));

    // Inlined into the run parser's per-line loop (one lookup per run line); precompiled elsewhere.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(ReadOnlySpan<byte> key, int hash)
    {
        var slot = hash & _mask;
        while (true)
        {
            var e = _slots[slot] - 1;
            if (e < 0)
            {
                return -1;
            }

            if (_hashes[e] == hash && _arena.AsSpan(_starts[e], _lengths[e]).SequenceEqual(key))
            {
                return e;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Adds the key; returns its entry index and whether it was new (an existing key keeps its value).</summary>
    public int Add(ReadOnlySpan<byte> key, int value, out bool added)
    {
        var hash = Hash(key);
        var existing = IndexOf(key, hash);
        if (existing >= 0)
        {
            added = false;
            return existing;
        }

        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        var e = Count;
        if (e == _starts.Length)
        {
            var n = e * 2;
            Array.Resize(ref _starts, n);
            Array.Resize(ref _lengths, n);
            Array.Resize(ref _hashes, n);
            Array.Resize(ref _values, n);
        }

        if (_arenaLength + key.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLength + key.Length));
        }

        key.CopyTo(_arena.AsSpan(_arenaLength));
        _starts[e] = _arenaLength;
        _lengths[e] = key.Length;
        _hashes[e] = hash;
        _values[e] = value;
        _arenaLength += key.Length;
        Count++;
        Insert(e, hash);
        added = true;
        return e;
    }

    private void Insert(int entry, int hash)
    {
        var slot = hash & _mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & _mask;
        }

        _slots[slot] = entry + 1;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        _mask = _slots.Length - 1;
        for (var e = 0; e < Count; e++)
        {
            Insert(e, _hashes[e]);
        }
    }
}
