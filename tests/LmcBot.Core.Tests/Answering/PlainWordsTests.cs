using LmcBot.Core.Chat;
using Xunit.Sdk;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Answering;

/// <summary>
/// Questions as people type them, written after reading the bot's answers to a fresh batch of
/// phrasings: generic verbs ("what does X ship", "when is X celebrated"), "where" questions, names on
/// their own, members asked for in other words, and amounts of money against counts. A pattern starting
/// with ^ checks what the answer leads with, not just what it contains somewhere.
/// </summary>
public sealed class PlainWordsTests
{
    [Theory]
    // Generic verbs ask about the named thing; a fact about it answers even without the same verb.
    [InlineData("what does yuntianhua ship", "fertili[sz]er", "Thailand")]
    [InlineData("What does Yuntianhua provide to Thai farmers?", "fertili[sz]er")]
    [InlineData("when is lancang-mekong week celebrated", "March")]
    [InlineData("When is the Lancang-Mekong Week observed?", "March")]
    [InlineData("where does BYD manufacture cars in Thailand", "Rayong")]
    [InlineData("what does GAC Aion produce in Thailand", "Rayong")]
    [InlineData("who operates the StarExpress train?", "China Tourism Group")]
    // "Where" wants a place.
    [InlineData("where was the first LMC leaders meeting held", "^Sources differ\\. The first LMC leaders' meeting took place on 23 March 2016 at the International Asia-Pacific Convention Center in Sanya")]
    [InlineData("Where did the second leaders' meeting take place?", "Phnom Penh")]
    // Members, asked in other words, lead with the members rather than with a disputed founding date.
    [InlineData("who are the members of the mekong-lancang cooperation", "^The Lancang-Mekong Cooperation \\(LMC\\) brings together", "Cambodia", "Vietnam")]
    [InlineData("Who is part of the LMC?", "Cambodia", "Laos", "Myanmar")]
    [InlineData("who proposed the lancang mekong cooperation", "^Sources differ\\. Chinese Premier Li Keqiang first proposed")]
    // Names on their own get the fact that introduces them first.
    [InlineData("lmc", "^The Lancang-Mekong Cooperation \\(LMC\\) brings together")]
    [InlineData("what is the lmc", "^The Lancang-Mekong Cooperation \\(LMC\\) brings together")]
    [InlineData("Tell me about the China-Laos Railway", "^The 1,035 km China-Laos Railway")]
    [InlineData("BYD", "^BYD, a Chinese electric-vehicle maker")]
    [InlineData("Tell me about GAC", "^GAC, a Chinese electric-vehicle maker")]
    [InlineData("What is the Mekong River Commission?", "^China and Myanmar have been dialogue partners")]
    [InlineData("star express", "^The StarExpress train, launched in 2024")]
    [InlineData("澜湄合作", "^The Lancang-Mekong Cooperation \\(LMC\\) brings together")]
    // A country on its own is an overview, not the one figure series that happens to score best.
    [InlineData("Tell me about Cambodia", "Cambodia")]
    // An amount of money, not a count of projects.
    [InlineData("how much money is in the lancang mekong special fund", "300 million")]
    [InlineData("how much money did China put into the LMC Special Fund?", "300 million")]
    // A year the question gives holds for facts dated only in their statement, and for document sentences.
    [InlineData("what did Li Keqiang propose in 2020", "six proposals", "2020")]
    // "How many" gets the count, not the list of pairs.
    [InlineData("how many sister cities does yunnan have", "^In August 2018 Yunnan Province had 90 sister-city pairs")]
    // A number the question quotes picks the point that gives it, not the latest.
    [InlineData("when did trade reach 400 billion", "2021")]
    // Chat spellings of question words, and lending asked for in its own verb.
    [InlineData("wat is the starexpress", "Kunming", "Vientiane")]
    [InlineData("wen did the china laos railway open", "3 December 2021")]
    [InlineData("How much did China lend to Laos for the railway?", "loans from China")]
    // The size of a fund is its amount; the count of projects answers when asked for.
    [InlineData("how big is the special fund", "^China announced the LMC Special Fund", "USD 300 million")]
    [InlineData("how much is the LMC Special Fund", "USD 300 million")]
    [InlineData("how many projects has the special fund funded", "780 projects")]
    // "theme" is a subject word (its stem was once the pronoun "them"), and the attribute asked must be in the answer.
    [InlineData("what is the theme of the tenth foreign ministers meeting", "Golden Decade")]
    [InlineData("what was the theme of the first leaders meeting", "Shared River, Shared Future")]
    [InlineData("What is the role of Wanzhou?", "logistics hub")]
    [InlineData("What is the purpose of the special fund?", "small and medium-sized projects")]
    // "first" before a verb means earliest, not the ordinal constraint; joining is membership.
    [InlineData("When did China first share hydrological data?", "hydrological data")]
    [InlineData("When did Vietnam join the LMC?", "Vietnam")]
    // Misspelt names whose stem collides with a short known word, and mistyped short question words.
    [InlineData("Chaing Mai sister cities", "^Chiang Mai is paired with Chengdu and Guangzhou")]
    [InlineData("Whn did the Chna-Laos railway opn?", "3 December 2021")]
    [InlineData("lst the foreign ministers meetings", "Jinghong", "Anning")]
    // "How many countries" counts countries; a figure in dollars is not that count.
    [InlineData("how many countries are in the lmc", "^The Lancang-Mekong Cooperation \\(LMC\\) brings together")]
    [InlineData("how much trade with mekong countries in 2022", "416.7")]
    // A superlative over a type is answered by a fact that names things of that type.
    [InlineData("Which country was China's largest trading partner in 2015?", "Cambodia", "Vietnam")]
    public Task Answers(string question, params string[] expectAll) => AnswerAssert.AnsweredAsync(question, expectAll);

    [Theory]
    [InlineData("Tell me about Cambodia")]
    [InlineData("Myanmar")]
    public void NameOnItsOwn_IsAnOverview_NotAFigureSeries(string question)
    {
        var answer = TestBot.Shared.Ask(question, ChatPlatform.Cli);
        Assert.Equal("overview", answer.Intent.Name);
        Assert.DoesNotContain("latest figure I have", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what is the population of Laos")]
    [InlineData("what's the weather in Kunming")]
    [InlineData("how much does a BYD Dolphin cost in Thailand")]
    [InlineData("What is Tesla doing in Thailand?")]
    [InlineData("Is Hanoi a sister city of Kunming?")]
    [InlineData("When does the StarExpress ticket office open?")]
    // An unknown word right before a known one names what is asked ("ticket price", "market share").
    [InlineData("What's the ticket price on the China-Laos railway?")]
    [InlineData("What is BYD's market share in Thailand?")]
    [InlineData("When is the next LMC leaders meeting?")]
    [InlineData("Who will host the next foreign ministers meeting?")]
    [InlineData("Where will the upcoming Lancang-Mekong Week be held?")]
    public Task Declines(string question) => AnswerAssert.DeclinedAsync(question);

    [Fact]
    public void MembersQuestion_DoesNotDragInTheFoundingDispute()
    {
        var answer = TestBot.Shared.Ask("who are the members of the mekong-lancang cooperation", ChatPlatform.Cli);
        if (answer.Text.Contains("Sources differ", StringComparison.Ordinal))
            throw new XunitException($"a members question brought in a dispute: {answer.Text}");
    }

    [Theory]
    [InlineData("thanks!", "^You're welcome!")]
    [InlineData("thank you", "^You're welcome!")]
    [InlineData("hello", "^Hello!")]
    public void Smalltalk_RepliesInKind(string message, string lead)
    {
        var answer = TestBot.Shared.Ask(message, ChatPlatform.Cli);
        Assert.Equal("smalltalk", answer.Intent.Name);
        Assert.Matches(lead, answer.Text);
    }

    [Theory]
    [InlineData("What was the theme of the ninth foreign ministers meeting?", "theme")]
    [InlineData("What was the theme of LMC week 2023?", "theme")]
    public void AskedAttributeTheKnowledgeLacks_IsDeclinedNamingIt(string question, string attribute)
    {
        var answer = TestBot.Shared.Ask(question, ChatPlatform.Cli);

        Assert.False(answer.Answered, answer.Text);
        Assert.StartsWith($"My knowledge base does not give the {attribute} of that.", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void InvestorList_LeadsEachInvestorWithASettledFact_WhileOneInvestorsAmountShowsTheDispute()
    {
        var list = TestBot.Shared.Ask("Which Chinese EV makers invest in Thailand?", ChatPlatform.Cli);
        Assert.StartsWith("Chinese investors in Thailand in my knowledge base: BYD and GAC. BYD opened its Thai car factory in Rayong", list.Text, StringComparison.Ordinal);

        var amount = TestBot.Shared.Ask("how much did BYD invest in Thailand", ChatPlatform.Cli);
        Assert.Contains("Sources differ", amount.Text, StringComparison.Ordinal);
        Assert.Contains("USD 490 million", amount.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ComparisonTheKnowledgeCannotMake_IsDeclinedSayingSo()
    {
        var answer = TestBot.Shared.Ask("Which Mekong country has the most trade with China?", ChatPlatform.Cli);

        Assert.False(answer.Answered, answer.Text);
        Assert.StartsWith("My knowledge base has no figures that compare one country with another.", answer.Text, StringComparison.Ordinal);
    }
}
