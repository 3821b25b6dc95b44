using LmcBot.Core.Admin;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;
using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Retrieval;

/// <summary>Vectors enter LiteDB with their facts and sentences, survive a restart, and answering's index has them.</summary>
public sealed class DenseVectorStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Db => _temp.File("kb.db");

    public void Dispose() => _temp.Dispose();

    private static KnowledgeStore Store(string db, ISentenceEmbedder embedder, string? file = null) => new(db, vectors: new DenseVectorSource(embedder, file));

    private static int VectorRows(KnowledgeStore store) => store.Read(s => s.Vectors.Count());

    [Fact]
    public void NewDatabase_EveryFactAndSentenceHasAVector_AndTheDenseIndexHasARowForEach()
    {
        var embedder = new HashingSentenceEmbedder();
        using var kb = new KnowledgeBase(Store(Db, embedder), RepoPaths.Knowledge);

        var content = kb.Store.ReadAll();
        var vectors = content.Vectors!;

        Assert.All(content.Facts, f => Assert.NotNull(vectors.Find(KnowledgeText.ForFact(f))));
        Assert.All(content.Sentences, s => Assert.NotNull(vectors.ForSentence(s.Text)));
        Assert.Equal(embedder.ModelId, kb.Current.Dense.ModelId);
        Assert.Equal(kb.Current.FactCount, kb.Current.Dense.Facts.Count);
        Assert.Equal(kb.Current.SentenceCount, kb.Current.Dense.Sentences.Count);
        // Identical texts share one vector: one row per distinct text.
        Assert.Equal(KnowledgeText.ForKnowledge(content.Facts, content.Sentences).Distinct().Count(), VectorRows(kb.Store));
    }

    [Fact]
    public void Reopen_LoadsTheStoredVectors_WithoutEmbeddingAnything()
    {
        using (new KnowledgeBase(Store(Db, new HashingSentenceEmbedder()), RepoPaths.Knowledge)) { }
        var second = new HashingSentenceEmbedder();

        using var kb = new KnowledgeBase(Store(Db, second), RepoPaths.Knowledge);

        Assert.Equal(0, second.EmbeddedCount);
        Assert.Equal(kb.Current.FactCount, kb.Current.Dense.Facts.Count);
    }

    [Fact]
    public void DenseIndexItems_AreTheKnowledgeIndexsFactPositions()
    {
        var embedder = new HashingSentenceEmbedder();
        using var kb = new KnowledgeBase(Store(Db, embedder), RepoPaths.Knowledge);
        var index = kb.Current;
        var fact = index.Facts.Single(f => f.Fact.Id == "starexpress-route");

        var best = index.Dense.Facts.Search(embedder.Embed([KnowledgeText.ForFact(fact.Fact)])[0], 1).Single();

        Assert.Equal("starexpress-route", index.Facts[best.Item].Fact.Id);
        var sentence = index.Sentences[17];
        var bestSentence = index.Dense.Sentences.Search(embedder.Embed([sentence.Text])[0], 1).Single();
        Assert.Equal(sentence.Text, index.Sentences[bestSentence.Item].Text);
    }

    [Fact]
    public void CommittedFile_IsUsedByHash_TheModelRunsOnlyForTextsItLacks()
    {
        var set = KnowledgeBase.ReadFolder(RepoPaths.Knowledge);
        var maker = new HashingSentenceEmbedder();
        var texts = ShippedVectors.Texts(set).Distinct().ToList();
        var vectors = maker.Embed(texts).Select((v, i) => (Hash: DenseText.Hash(maker.ModelId, texts[i]), v)).Skip(1)
            .ToDictionary(p => p.Hash, p => p.v);
        var file = _temp.File("vectors.bin");
        VectorFile.Write(file, new KnowledgeVectors(maker.ModelId, maker.Dimensions, vectors));
        var embedder = new HashingSentenceEmbedder();

        using var kb = new KnowledgeBase(Store(Db, embedder, file), RepoPaths.Knowledge);

        Assert.Equal(1, embedder.EmbeddedCount);
        Assert.Equal(texts.Count, VectorRows(kb.Store));
    }

    [Fact]
    public void ChangedStatement_Resync_StoresTheNewVectorAndPrunesTheOld()
    {
        var folder = _temp.CopyKnowledge();
        var embedder = new HashingSentenceEmbedder();
        string oldText;
        using (var first = new KnowledgeBase(Store(Db, embedder), folder))
            oldText = KnowledgeText.ForFact(first.Store.ReadAll().Facts.Single(f => f.Id == "starexpress-route"));
        var facts = Path.Combine(folder, "facts", "seed-article.yaml");
        File.WriteAllText(facts, File.ReadAllText(facts).Replace(
            "statement: \"The StarExpress train, launched in 2024, connects Kunming to Vientiane via Luang Prabang.\"",
            "statement: \"The StarExpress train, launched in 2024, links Kunming with Vientiane by way of Luang Prabang.\""));
        var before = embedder.EmbeddedCount;

        using var second = new KnowledgeBase(Store(Db, embedder), folder);

        var content = second.Store.ReadAll();
        Assert.Equal(1, embedder.EmbeddedCount - before);
        Assert.NotNull(content.Vectors!.Find(KnowledgeText.ForFact(content.Facts.Single(f => f.Id == "starexpress-route"))));
        Assert.False(content.Vectors.ByHash.ContainsKey(DenseText.Hash(embedder.ModelId, oldText)));
        Assert.Equal(KnowledgeText.ForKnowledge(content.Facts, content.Sentences).Distinct().Count(), VectorRows(second.Store));
    }

    [Fact]
    public void DatabaseMadeWithoutVectors_GetsThemWhenOpenedWithAModel()
    {
        using (var plain = new KnowledgeBase(new KnowledgeStore(Db), RepoPaths.Knowledge))
            Assert.True(plain.Current.Dense.IsEmpty);
        var embedder = new HashingSentenceEmbedder();

        using var kb = new KnowledgeBase(Store(Db, embedder), RepoPaths.Knowledge);

        Assert.False(kb.LastSync.Changed); // the files did not change: the vectors were filled in, not re-synced
        Assert.Equal(kb.Current.FactCount, kb.Current.Dense.Facts.Count);
        Assert.Equal(kb.Current.SentenceCount, kb.Current.Dense.Sentences.Count);
    }

    [Fact]
    public async Task KbAdd_StoresTheNewFactsVector_AndAnsweringHasItAtOnce()
    {
        var embedder = new HashingSentenceEmbedder();
        using var kb = new KnowledgeBase(Store(Db, embedder), RepoPaths.Knowledge);
        var bot = Bot(kb);
        var before = embedder.EmbeddedCount;

        var answer = await Send(bot, "kb add citypair city_a:Nanning city_b:Vientiane status:\"friendship city\" admin_note:true");

        Assert.False(answer.IsError, answer.Text);
        var fact = kb.Store.ReadAll().Facts.Single(f => f.Origin == KnowledgeOrigin.Admin);
        Assert.NotNull(kb.Store.ReadAll().Vectors!.Find(KnowledgeText.ForFact(fact)));
        Assert.Equal(1, embedder.EmbeddedCount - before);
        Assert.Equal(kb.Current.FactCount, kb.Current.Dense.Facts.Count);
    }

    [Fact]
    public async Task KbEdit_StoresTheEditedFactsVector()
    {
        var embedder = new HashingSentenceEmbedder();
        using var kb = new KnowledgeBase(Store(Db, embedder), RepoPaths.Knowledge);
        var bot = Bot(kb);

        var answer = await Send(bot, "kb edit id:starexpress-route field:statement value:\"The StarExpress runs from Kunming to Vientiane, stopping at Luang Prabang.\"");

        Assert.False(answer.IsError, answer.Text);
        var content = kb.Store.ReadAll();
        var edited = content.Facts.Single(f => f.Id == "starexpress-route");
        Assert.StartsWith("The StarExpress runs from Kunming", edited.Statement);
        Assert.NotNull(content.Vectors!.Find(KnowledgeText.ForFact(edited)));
        Assert.Equal(kb.Current.FactCount, kb.Current.Dense.Facts.Count);
    }

    [Fact]
    public async Task KbImport_StoresItsSentencesVectors_SharingOnesAlreadyStored()
    {
        var embedder = new HashingSentenceEmbedder();
        using var kb = new KnowledgeBase(Store(Db, embedder), RepoPaths.Knowledge);
        var bot = Bot(kb);
        var shipped = kb.Store.ReadAll().Sentences.First(s => s.DocumentId == "china-laos-railway").Text;
        var rows = VectorRows(kb.Store);

        var answer = await Send(bot, $"kb import id:ferry-notes text:\"# Ferry notes\n\nThe Mekong ferry from Huay Xai to Chiang Khong leaves every hour. {shipped}\"");

        Assert.False(answer.IsError, answer.Text);
        var content = kb.Store.ReadAll();
        var imported = content.Sentences.Where(s => s.DocumentId == "ferry-notes").ToList();
        Assert.Equal(2, imported.Count);
        Assert.All(imported, s => Assert.NotNull(content.Vectors!.ForSentence(s.Text)));
        Assert.Equal(rows + 1, VectorRows(kb.Store)); // the repeated sentence reuses the shipped one's vector
        Assert.Equal(kb.Current.SentenceCount, kb.Current.Dense.Sentences.Count);
    }

    [Fact]
    public async Task KbExport_CarriesTheVectors_SoIngestingItElsewhereRunsNoModel()
    {
        using var kb = new KnowledgeBase(Store(Db, new HashingSentenceEmbedder()), RepoPaths.Knowledge);
        var bot = Bot(kb);
        Assert.False((await Send(bot, "kb add citypair city_a:Nanning city_b:Vientiane status:\"friendship city\" admin_note:true")).IsError);

        var export = await Send(bot, "kb export");

        var folder = _temp.File("exported");
        using (var zip = new MemoryStream(export.File!.Content))
            System.IO.Compression.ZipFile.ExtractToDirectory(zip, folder);
        var embedder = new HashingSentenceEmbedder();
        using var elsewhere = new KnowledgeBase(Store(_temp.File("elsewhere.db"), embedder, VectorFile.PathFor(folder, embedder.ModelId)), folder);
        Assert.Equal(0, embedder.EmbeddedCount);
        Assert.Equal(elsewhere.Current.FactCount, elsewhere.Current.Dense.Facts.Count);
        Assert.Equal(elsewhere.Current.SentenceCount, elsewhere.Current.Dense.Sentences.Count);
    }

    [Fact]
    public void StoreWithoutAModel_KeepsNoVectors()
    {
        using var kb = new KnowledgeBase(new KnowledgeStore(Db), RepoPaths.Knowledge);

        Assert.Null(kb.Store.ReadAll().Vectors);
        Assert.True(kb.Current.Dense.IsEmpty);
        Assert.Null(kb.Current.Dense.ModelId);
    }

    private static ChatBot Bot(KnowledgeBase kb) => new(kb, new AdminPolicy(new AdminOptions()), new KnowledgeEditor(kb));

    private static Task<Answer> Send(ChatBot bot, string text) =>
        bot.HandleAsync(new ChatRequest { Platform = ChatPlatform.Cli, Sender = ChatSender.LocalUser, Text = text });
}
