using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Answering.Retrieval;

/// <summary>
/// The committed vector file of a knowledge folder: which texts it must cover, and its regeneration
/// (<c>dotnet run --project src/LmcBot -- vectors</c>), which embeds only texts whose hash the current file lacks.
/// </summary>
public static class ShippedVectors
{
    /// <summary>The command that regenerates the committed file, as error messages and docs name it.</summary>
    public const string RegenerateCommand = "dotnet run --project src/LmcBot -- vectors";

    /// <summary>Every text of the folder's facts and document sentences, as embedded (duplicates included).</summary>
    public static IEnumerable<string> Texts(KnowledgeSet set) =>
        KnowledgeText.ForKnowledge(set.Facts, set.Documents.SelectMany(SentenceRecord.FromDocument));

    /// <summary>Content hashes the folder needs that <paramref name="file"/> lacks, and ones it holds that nothing needs.</summary>
    public static (IReadOnlyList<string> Missing, IReadOnlyList<string> Unused) Compare(KnowledgeSet set, KnowledgeVectors file)
    {
        var needed = Texts(set).Select(t => DenseText.Hash(file.ModelId, t)).ToHashSet(StringComparer.Ordinal);
        return (needed.Where(h => !file.ByHash.ContainsKey(h)).Order(StringComparer.Ordinal).ToList(),
            file.ByHash.Keys.Where(h => !needed.Contains(h)).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Rewrites <c>vectors/{model}.bin</c> of <paramref name="knowledgeFolder"/> to hold exactly the vectors its facts and
    /// sentences need: kept from the current file by hash, the rest embedded. Returns (vectors written, texts embedded).
    /// </summary>
    public static (int Count, int Embedded) Regenerate(string knowledgeFolder, ISentenceEmbedder embedder,
        IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var set = KnowledgeBase.ReadFolder(knowledgeFolder);
        var path = VectorFile.PathFor(knowledgeFolder, embedder.ModelId);
        var source = new DenseVectorSource(embedder, Readable(path) ? path : null);
        var vectors = source.VectorsFor(Texts(set), progress: progress, cancellationToken: cancellationToken);
        VectorFile.Write(path, new KnowledgeVectors(embedder.ModelId, embedder.Dimensions, vectors));
        return (vectors.Count, source.ModelTexts);
    }

    /// <summary>A damaged or foreign file is rebuilt from scratch rather than stopping its own regeneration.</summary>
    private static bool Readable(string path)
    {
        if (!File.Exists(path)) return false;
        try
        {
            VectorFile.Read(path);
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
