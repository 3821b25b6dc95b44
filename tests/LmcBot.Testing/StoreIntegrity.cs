using LmcBot.Core.Knowledge;

namespace LmcBot.Testing;

/// <summary>What a database must look like after a crash: it opens, every collection reads, it takes a write, and a document is all there or not at all.</summary>
public static class StoreIntegrity
{
    /// <summary>
    /// Opens <paramref name="databasePath"/> (LiteDB recovers from its log) and returns the body of document
    /// <paramref name="documentId"/>, or null when it is absent. Fails when the document is there without exactly
    /// all its sentences and its import audit entry, or when the other <paramref name="facts"/> and
    /// <paramref name="documents"/> are not all there.
    /// </summary>
    public static string? DocumentAfterCrash(string databasePath, string documentId, int facts, int documents)
    {
        using var store = new KnowledgeStore(databasePath);
        var content = store.ReadAll();
        Assert.Equal((facts, documents), (content.Facts.Count, content.Documents.Count(d => d.Id != documentId)));
        var imports = store.Read(s => s.Audit.FindAll().ToList()).Where(a => a.Action == "import" && a.TargetId == documentId).ToList();
        store.Read(s => s.Unanswered.FindAll().ToList());
        store.Write(s => s.Unanswered.Upsert(new UnansweredQuestion { Id = "still writable", Question = "Still writable?", Count = 1 }));

        var document = content.Documents.SingleOrDefault(d => d.Id == documentId);
        var sentences = content.Sentences.Where(s => s.DocumentId == documentId).Select(s => s.Id + " " + s.Text).Order(StringComparer.Ordinal).ToList();
        if (document is null)
        {
            Assert.Empty(sentences);
            Assert.Empty(imports);
            return null;
        }
        Assert.Equal(SentenceRecord.FromDocument(document).Select(s => s.Id + " " + s.Text).Order(StringComparer.Ordinal), sentences);
        Assert.NotEmpty(imports);
        Assert.Equal(document.ContentHash, imports[^1].DocumentAfter!.ContentHash);
        return document.Body;
    }
}
