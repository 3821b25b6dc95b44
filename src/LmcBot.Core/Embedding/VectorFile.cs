using System.Text;

namespace LmcBot.Core.Embedding;

/// <summary>
/// The generated file of the shipped knowledge's vectors, <c>knowledge/vectors/{model}.bin</c>, which ingest reads by
/// hash instead of running the model. Layout (little-endian): the ASCII magic <c>LMCV</c>, int32 format version,
/// the model id (a .NET <see cref="BinaryWriter"/> string), int32 dimensions, int32 count, then per entry the 32 raw
/// bytes of its SHA-256 content hash and its float32 values, entries sorted by hash so a regeneration diffs cleanly.
/// </summary>
public static class VectorFile
{
    public const string Folder = "vectors";
    private const int FormatVersion = 1;
    private const int HashBytes = 32;
    private static readonly byte[] Magic = "LMCV"u8.ToArray();

    /// <summary>Where a knowledge folder keeps the vectors of <paramref name="modelId"/>.</summary>
    public static string PathFor(string knowledgeFolder, string modelId) => Path.Combine(knowledgeFolder, Folder, modelId + ".bin");

    public static void Write(string path, KnowledgeVectors vectors)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var partial = path + ".partial";
        using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            Write(stream, vectors);
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>The file's bytes (for the <c>kb export</c> zip).</summary>
    public static byte[] Bytes(KnowledgeVectors vectors)
    {
        using var stream = new MemoryStream();
        Write(stream, vectors);
        return stream.ToArray();
    }

    private static void Write(Stream stream, KnowledgeVectors vectors)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(vectors.ModelId);
        writer.Write(vectors.Dimensions);
        writer.Write(vectors.ByHash.Count);
        foreach (var (hash, vector) in vectors.ByHash.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (vector.Length != vectors.Dimensions)
                throw new ArgumentException($"The vector of {hash} has {vector.Length} values, not {vectors.Dimensions}.", nameof(vectors));
            writer.Write(Convert.FromHexString(hash));
            writer.Write(VectorBytes.Encode(vector));
        }
    }

    /// <summary>Reads a vector file; a damaged or foreign file is an <see cref="InvalidDataException"/> naming the path.</summary>
    public static KnowledgeVectors Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw Bad(path, "it does not start with LMCV");
            var version = reader.ReadInt32();
            if (version != FormatVersion) throw Bad(path, $"format version {version} is not {FormatVersion}");
            var model = reader.ReadString();
            var dimensions = reader.ReadInt32();
            var count = reader.ReadInt32();
            if (dimensions <= 0 || count < 0) throw Bad(path, $"it declares {dimensions} dimensions and {count} vectors");
            long expected = stream.Position + (long)count * (HashBytes + dimensions * sizeof(float));
            if (stream.Length != expected) throw Bad(path, $"it is {stream.Length} bytes, not the {expected} its header declares");
            var byHash = new Dictionary<string, float[]>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var hash = Convert.ToHexStringLower(reader.ReadBytes(HashBytes));
                byHash[hash] = VectorBytes.Decode(reader.ReadBytes(dimensions * sizeof(float)));
            }
            return new KnowledgeVectors(model, dimensions, byHash);
        }
        catch (EndOfStreamException)
        {
            throw Bad(path, "it ends early");
        }
    }

    private static InvalidDataException Bad(string path, string why) => new($"The vector file {path} cannot be read: {why}. Regenerate it (docs/ANSWERING.md, \"Dense retrieval\").");
}
