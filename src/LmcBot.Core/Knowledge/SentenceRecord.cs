namespace LmcBot.Core.Knowledge;

/// <summary>One sentence of a document, indexed for full-text retrieval.</summary>
public sealed class SentenceRecord
{
    /// <summary><c>{documentId}#{paragraph}.{sentence}</c></summary>
    public string Id { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public int Paragraph { get; set; }
    public int Position { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Folded, stemmed terms of the sentence (indexed in LiteDB).</summary>
    public List<string> Terms { get; set; } = [];

    public static List<SentenceRecord> FromDocument(KnowledgeDocument document)
    {
        var list = new List<SentenceRecord>();
        foreach (var paragraph in document.Paragraphs())
        {
            var sentences = SentenceSplitter.Split(paragraph.Text);
            for (var i = 0; i < sentences.Count; i++)
                list.Add(new SentenceRecord
                {
                    Id = $"{document.Id}#{paragraph.Index}.{i}",
                    DocumentId = document.Id,
                    Paragraph = paragraph.Index,
                    Position = i,
                    Text = sentences[i],
                    Terms = LmcBot.Core.Text.TextFolding.Tokens(sentences[i]).Select(LmcBot.Core.Text.Stemmer.Stem).Distinct(StringComparer.Ordinal).ToList(),
                });
        }
        return list;
    }
}
