using System.Text.Json;
using Harness.Training.Optimization;
using static TorchSharp.torch;

namespace Harness.Training.Checkpoints;

/// <summary>
/// One resumable checkpoint per training directory: <c>checkpoint/</c> holding <c>state.json</c> (position, curve,
/// negatives record, configuration fingerprint), <c>encoder.dat</c> and <c>loss.dat</c> (the encoder's and a trainable loss's
/// parameters and buffers, TorchSharp's state-dict format) and <c>optimizer.bin</c> (per parameter: step count and both Adam
/// moments, float32 bit-exact), and <c>miner-index.bin</c> (a dense miner's corpus embeddings, when the sampler mines
/// with the model: they were computed by weights a resumed run no longer has). It is written into a temporary folder and renamed into place, so a checkpoint
/// is complete or absent; the previous one is removed only after the new one is in place.
/// <para>RNG state needs no file: every stream the trainer draws from is derived from (seed, epoch, query) or
/// (seed, step) and re-created on resume, and torch's default generator is re-seeded before each micro-batch.</para>
/// </summary>
internal static class CheckpointStore
{
    private const string Name = "checkpoint";
    private const string OptimizerMagic = "HARNESS-ADAM-1";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static string PathIn(string directory) => Path.Combine(directory, Name);

    private const string MinerIndexFile = "miner-index.bin";

    public static void Save(string directory, CheckpointState state, IReadOnlyList<(string File, nn.Module Module)> modules, AdamOptimizer optimizer, ICheckpointableDenseMiner? miner = null)
    {
        Directory.CreateDirectory(directory);
        var final = PathIn(directory);
        var temp = Path.Combine(directory, $".{Name}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var old = Path.Combine(directory, $".{Name}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            foreach (var (file, module) in modules)
            {
                module.save(Path.Combine(temp, file));
            }

            WriteOptimizer(Path.Combine(temp, "optimizer.bin"), optimizer);
            using (var index = miner?.IndexSnapshot())
            {
                if (index is not null)
                {
                    using var stream = File.Create(Path.Combine(temp, MinerIndexFile));
                    using var w = new BinaryWriter(stream);
                    WriteTensor(w, index);
                    state = state with { MinerIndexVersion = miner!.IndexVersion };
                }
            }

            File.WriteAllText(Path.Combine(temp, "state.json"), JsonSerializer.Serialize(state, Json));
            if (Directory.Exists(final))
            {
                Directory.Move(final, old);
            }

            Directory.Move(temp, final);
            if (Directory.Exists(old))
            {
                Directory.Delete(old, recursive: true);
            }
        }
        catch
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }

            throw;
        }
    }

    /// <summary>Reads state.json of the checkpoint in a directory, or null when there is none.</summary>
    public static CheckpointState? ReadState(string directory)
    {
        var file = Path.Combine(PathIn(directory), "state.json");
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            var state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(file), Json)
                ?? throw new TrainingSetupException($"{file}: empty checkpoint state");
            if (state.Format != CheckpointState.CurrentFormat)
            {
                throw new TrainingSetupException($"{file}: checkpoint format {state.Format}, this trainer reads {CheckpointState.CurrentFormat}");
            }

            return state;
        }
        catch (JsonException e)
        {
            throw new TrainingSetupException($"{file}: not a training checkpoint ({e.Message})", e);
        }
    }

    public static void LoadTensors(string directory, IReadOnlyList<(string File, nn.Module Module)> modules, AdamOptimizer optimizer, CheckpointState state, ICheckpointableDenseMiner? miner = null)
    {
        var dir = PathIn(directory);
        try
        {
            foreach (var (file, module) in modules)
            {
                module.load(Path.Combine(dir, file));
            }

            ReadOptimizer(Path.Combine(dir, "optimizer.bin"), optimizer);
            var indexFile = Path.Combine(dir, MinerIndexFile);
            if (miner is not null && state.MinerIndexVersion is { } version && File.Exists(indexFile))
            {
                using var stream = File.OpenRead(indexFile);
                using var r = new BinaryReader(stream);
                using var index = ReadTensor(r) ?? throw new InvalidDataException($"{MinerIndexFile} holds no tensor");
                miner.RestoreIndex(index, version);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or InvalidOperationException or EndOfStreamException)
        {
            throw new TrainingSetupException($"{dir}: cannot load the checkpoint ({e.Message})", e);
        }
    }

    private static void WriteOptimizer(string path, AdamOptimizer optimizer)
    {
        using var stream = File.Create(path);
        using var w = new BinaryWriter(stream);
        w.Write(OptimizerMagic);
        var state = optimizer.State().ToList();
        w.Write(state.Count);
        foreach (var (name, step, m, v) in state)
        {
            w.Write(name);
            w.Write(step);
            WriteTensor(w, m);
            WriteTensor(w, v);
        }
    }

    private static void ReadOptimizer(string path, AdamOptimizer optimizer)
    {
        using var stream = File.OpenRead(path);
        using var r = new BinaryReader(stream);
        if (r.ReadString() != OptimizerMagic)
        {
            throw new InvalidDataException("not an optimiser state file");
        }

        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var name = r.ReadString();
            var step = r.ReadInt64();
            using var m = ReadTensor(r);
            using var v = ReadTensor(r);
            optimizer.Restore(name, step, m, v);
        }
    }

    private static void WriteTensor(BinaryWriter w, Tensor? t)
    {
        if (t is null)
        {
            w.Write(-1);
            return;
        }

        using var cpu = t.detach().cpu().contiguous().to(ScalarType.Float32);
        w.Write((int)cpu.dim());
        foreach (var d in cpu.shape)
        {
            w.Write(d);
        }

        w.Write(cpu.bytes);
    }

    private static Tensor? ReadTensor(BinaryReader r)
    {
        var rank = r.ReadInt32();
        if (rank < 0)
        {
            return null;
        }

        var shape = new long[rank];
        long n = 1;
        for (var i = 0; i < rank; i++)
        {
            shape[i] = r.ReadInt64();
            n *= shape[i];
        }

        var t = empty(shape, ScalarType.Float32);
        var bytes = r.ReadBytes(checked((int)(n * sizeof(float))));
        if (bytes.Length != n * sizeof(float))
        {
            t.Dispose();
            throw new EndOfStreamException("optimiser state is truncated");
        }

        t.bytes = bytes;
        return t;
    }
}
