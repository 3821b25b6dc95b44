using System.Security.Cryptography;
using System.Text;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;
using LmcBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LmcBot.Core.Tests.Conversations;

/// <summary>
/// Votes on answers, through the router as every surface sends them: the two actions on an answer from the knowledge
/// base, one stored vote per user per answer under a salted hash of the user, and <c>kb feedback</c> listing the
/// "Not right" ones until the fact they rest on changes.
/// </summary>
public sealed class FeedbackTests : IDisposable
{
    /// <summary>Answered by one fact, clr-opened.</summary>
    private const string Question = "When did the China-Laos Railway open?";
    private const string FactId = "clr-opened";

    private static readonly ChatSender Alice = new("4000000000000000002", "Alice Voterson");
    private static readonly ChatSender Bob = new("4000000000000000003", "Bob Voterson");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ConversingBot _bot;

    public FeedbackTests() => _bot = new ConversingBot(time: _time);

    public void Dispose() => _bot.Dispose();

    private Task<Answer> AskAsync(string question = Question, ChatSender? sender = null) => _bot.SendAsync(question, sender ?? Alice, ChatPlatform.Discord);

    private Task<Answer> VoteAsync(Answer answer, bool helpful, ChatSender? sender = null) =>
        _bot.SendAsync(answer.Feedback[helpful ? 0 : 1].Input, sender ?? Alice, ChatPlatform.Discord);

    /// <summary><c>kb feedback</c> as the local admin.</summary>
    private async Task<Answer> ReportAsync(string options = "")
    {
        var report = await _bot.SendAsync(("kb feedback " + options).Trim());
        Assert.False(report.IsError, report.Text);
        return report;
    }

    private IReadOnlyList<FeedbackVote> StoredVotes() => _bot.Votes();

    [Fact]
    public async Task AnswerFromFacts_CarriesHelpfulThenNotRight_SharingOneToken()
    {
        var answer = await AskAsync();

        Assert.True(answer.Answered);
        Assert.Equal(["Helpful", "Not right"], answer.Feedback.Select(f => f.Label));
        Assert.Matches(@"^feedback token:[A-Za-z0-9_-]{12}\.[A-Za-z0-9_-]{12} vote:helpful$", answer.Feedback[0].Input);
        Assert.Equal(answer.Feedback[0].Input.Replace("vote:helpful", "vote:wrong", StringComparison.Ordinal), answer.Feedback[1].Input);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("What is the capital of France?")] // a decline
    [InlineData("kb list")]
    [InlineData("kb show id:clr-opened")] // an admin reply with a fact
    public async Task HelpDeclinesAndAdminReplies_CarryNoFeedback(string text)
    {
        var reply = await _bot.SendAsync(text);

        Assert.Empty(reply.Feedback);
    }

    [Fact]
    public async Task NotRight_IsStoredWithQuestionAnswerFactsDocumentsPlatformAndTime_UnderASaltedHashOfTheUser()
    {
        var answer = await AskAsync();

        var thanks = await VoteAsync(answer, helpful: false);

        Assert.Equal("Thanks — noted. An admin will look at it.", thanks.Text);
        Assert.True(thanks.Private);
        Assert.Equal(Intent.Feedback, thanks.Intent);
        var vote = Assert.Single(StoredVotes());
        Assert.Equal((Question, answer.Text, VoteKind.Wrong, "Discord"), (vote.Question, vote.AnswerText, vote.Kind, vote.Platform));
        Assert.Equal([FactId], vote.FactIds);
        Assert.Equal(["china-laos-railway"], vote.DocumentIds);
        Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), vote.At.ToUniversalTime());
        // The key is an HMAC under the database's own random salt: not the id, nor a plain hash anyone could recompute.
        var salt = _bot.KnowledgeBase.Store.FeedbackSalt();
        Assert.Equal(32, salt.Length);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes("Discord\u001F" + Alice.Id)).AsSpan(0, 16));
        Assert.Equal(expected, vote.UserKey);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("Discord\u001F" + Alice.Id)).AsSpan(0, 16)), vote.UserKey);

        // Nowhere in the database file: neither the user's id nor their name.
        _bot.Stop();
        var file = await File.ReadAllBytesAsync(_bot.DatabasePath);
        Assert.Equal(-1, file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Alice.Id)));
        Assert.Equal(-1, file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Alice.DisplayName)));
        Assert.NotEqual(-1, file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(vote.UserKey)));
    }

    [Fact]
    public async Task OneVotePerUserPerAnswer_AgainOnAnotherCopyOfTheAnswerCountsOnce_AndTheOtherWayReplacesIt_SayingSo()
    {
        var first = await AskAsync();
        Assert.Equal("Thanks — noted. An admin will look at it.", (await VoteAsync(first, helpful: false)).Text);
        // The same question asked again (spelt differently: it folds to the same) is the same answer under a new token.
        var again = await AskAsync("when did the china-laos railway open");
        Assert.NotEqual(first.Feedback[1].Input, again.Feedback[1].Input);

        var repeated = await VoteAsync(again, helpful: false);
        Assert.StartsWith("You have already marked this answer \"Not right\"; it counts once.", repeated.Text, StringComparison.Ordinal);
        Assert.Single(StoredVotes());
        Assert.Contains("1× \"", (await ReportAsync()).Fields[0].Name, StringComparison.Ordinal);

        var changed = await VoteAsync(first, helpful: true);
        Assert.Equal("Thanks — your vote on this answer is now \"Helpful\" instead of \"Not right\".", changed.Text);
        Assert.Equal(VoteKind.Helpful, Assert.Single(StoredVotes()).Kind);
        Assert.StartsWith("No answer is marked \"Not right\"", (await ReportAsync()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoUsersClickingTheSameAnswer_AreTwoVotes_CountedTwiceInKbFeedback()
    {
        var answer = await AskAsync();

        await VoteAsync(answer, helpful: false, Alice);
        await VoteAsync(answer, helpful: false, Bob);

        Assert.Equal(2, StoredVotes().Select(v => v.UserKey).Distinct().Count());
        var report = await ReportAsync();
        Assert.Equal($"2× \"{Question}\"", Assert.Single(report.Fields).Name);
        Assert.Contains("Not right\" 2 times", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotRight_AppearsInKbFeedback_WithTheAnswerGivenAndItsFact_AndLeavesOnceTheFactIsEdited()
    {
        var answer = await AskAsync();
        await VoteAsync(answer, helpful: false);

        var report = await ReportAsync();

        Assert.True(report.Private);
        Assert.Equal(Intent.KbFeedback, report.Intent);
        Assert.Equal("Answers marked \"Not right\" (page 1 of 1)", report.Title);
        var entry = Assert.Single(report.Fields);
        Assert.Equal($"1× \"{Question}\"", entry.Name);
        Assert.Contains($"answered \"{answer.Text}\"", entry.Value, StringComparison.Ordinal);
        Assert.Contains($"facts {FactId}", entry.Value, StringComparison.Ordinal);
        Assert.Contains("last 2026-12-01 09:00 UTC on Discord", entry.Value, StringComparison.Ordinal);

        Assert.False((await _bot.SendAsync($"kb edit id:{FactId} field:length_km value:1036")).IsError);

        Assert.Empty((await ReportAsync()).Fields);
        Assert.Single(StoredVotes()); // kept, but about an answer that has been dealt with
    }

    [Fact]
    public async Task NotRight_LeavesKbFeedbackOnceTheFactIsRemoved()
    {
        await VoteAsync(await AskAsync(), helpful: false);
        Assert.Single((await ReportAsync()).Fields);

        Assert.False((await _bot.SendAsync($"kb remove id:{FactId}")).IsError);

        Assert.StartsWith("No answer is marked \"Not right\"", (await ReportAsync()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotRight_ThatAnEditOfAnotherFactDoesNotTouch_StaysListed()
    {
        await VoteAsync(await AskAsync(), helpful: false);

        Assert.False((await _bot.SendAsync("kb edit id:starexpress-route field:launched value:2024-09")).IsError);

        Assert.Single((await ReportAsync()).Fields);
    }

    [Fact]
    public async Task KbFeedback_GroupsByQuestion_MostOftenMarkedFirst_WithHelpfulVotesOnTheSameAnswer()
    {
        var railway = await AskAsync();
        var starExpress = await AskAsync("When was the StarExpress launched?");
        await VoteAsync(starExpress, helpful: false, Alice);
        await VoteAsync(railway, helpful: false, Alice);
        await VoteAsync(railway, helpful: false, Bob);
        await VoteAsync(railway, helpful: true, new ChatSender("4000000000000000004", "carol"));

        var report = await ReportAsync();

        Assert.Equal([$"2× \"{Question}\"", "1× \"When was the StarExpress launched?\""], report.Fields.Select(f => f.Name));
        Assert.Contains("marked \"Helpful\" once", report.Fields[0].Value, StringComparison.Ordinal);
        Assert.Contains("facts starexpress-", report.Fields[1].Value, StringComparison.Ordinal);
        Assert.StartsWith("2 questions got answers marked \"Not right\", 3 times in all, most often first.", report.Text, StringComparison.Ordinal);
        Assert.Empty(report.FollowUps); // one page
    }

    [Fact]
    public async Task KbFeedback_OnAListAnswer_NamesTheFactsItStated_SoTheAdminCanFindTheWrongOne()
    {
        var investors = await AskAsync("Who invests in Thailand?");
        Assert.True(investors.FactIds.Count > ShownFacts, string.Join(", ", investors.FactIds));
        await VoteAsync(investors, helpful: false);

        var entry = Assert.Single((await ReportAsync()).Fields);

        Assert.Contains($"facts {string.Join(", ", investors.FactIds.Take(ShownFacts))} and {investors.FactIds.Count - ShownFacts} more", entry.Value, StringComparison.Ordinal);
        Assert.Contains("byd-", entry.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotRight_OnAnAnswerQuotedFromADocument_RestsOnTheDocument_AndLeavesOnceItIsReimported()
    {
        const string Import = "kb import title:\"Mekong ferry timetable\" text:\"The Mekong ferry from Huay Xai to Chiang Khong leaves every hour from {0}.\"";
        Assert.False((await _bot.SendAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Import, "8 am"))).IsError);
        var answer = await AskAsync("How often does the Mekong ferry from Huay Xai leave?");
        Assert.Empty(answer.FactIds);
        await VoteAsync(answer, helpful: false);

        var entry = Assert.Single((await ReportAsync()).Fields);
        Assert.Contains("quoted from document mekong-ferry-timetable", entry.Value, StringComparison.Ordinal);

        Assert.False((await _bot.SendAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Import, "7 am"))).IsError);

        Assert.Empty((await ReportAsync()).Fields);
    }

    /// <summary>Fact ids an entry names before "and N more".</summary>
    private const int ShownFacts = 5;

    [Theory]
    [InlineData("page:0", "'page' must be a whole number of at least 1, not \"0\".")]
    [InlineData("page:99999999999", "'page' must be a whole number of at least 1, not \"99999999999\".")]
    [InlineData("page:2", "There is only 1 page.")]
    public async Task KbFeedback_APageThatIsNotThere_IsRefusedSayingWhy(string options, string refusal)
    {
        await VoteAsync(await AskAsync(), helpful: false);

        var refused = await _bot.SendAsync("kb feedback " + options);

        Assert.Equal(ErrorKind.Invalid, refused.Failure);
        Assert.Equal(refusal, refused.Text);
    }

    [Fact]
    public async Task KbFeedback_PagesLikeKbUnanswered()
    {
        string[] questions =
        [
            Question, "When was the StarExpress launched?", "Who invests in Thailand?", "How long is the China-Laos Railway?",
            "When was the LMC established?", "What is the LMC Special Fund?", "Which Chinese EV makers invest in Thailand?",
            "starexpress stops", "What was China-ASEAN trade in 2023?", "Where was the first LMC leaders' meeting held?",
            "When did BYD open its Thai factory?", "What is the Lancang-Mekong Cooperation?", "Who operates the StarExpress?",
            "When did GAC Aion open its Thai factory?",
        ];
        var voted = 0;
        foreach (var question in questions)
            if (await AskAsync(question) is { Feedback.Count: 2 } answer)
            {
                await VoteAsync(answer, helpful: false);
                voted++;
            }
        Assert.True(voted > 10, $"only {voted} of the questions got an answer to vote on");

        var first = await ReportAsync();
        var second = await ReportAsync("page:2");

        Assert.Equal(10, first.Fields.Count);
        Assert.Equal("Answers marked \"Not right\" (page 1 of 2)", first.Title);
        Assert.Equal([new FollowUp("Next page", "kb feedback page:2")], first.FollowUps);
        Assert.Equal(voted - 10, second.Fields.Count);
        Assert.Equal([new FollowUp("Previous page", "kb feedback page:1")], second.FollowUps);
    }

    [Fact]
    public async Task KbFeedback_IsForAdminsOnly()
    {
        var refused = await _bot.SendAsync("kb feedback", Alice, ChatPlatform.Discord, scopeId: "2000000000000000000");

        Assert.Equal(ErrorKind.AdminOnly, refused.Failure);
    }

    [Fact]
    public async Task ForgedTokens_AreRefusedPolitely_AndNothingIsStored()
    {
        var answer = await AskAsync();
        var input = answer.Feedback[1].Input;
        var token = input.Split(' ')[1]["token:".Length..];
        var altered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        using var otherProcess = new ConversingBot();
        var foreign = (await otherProcess.SendAsync(Question)).Feedback[1].Input;

        foreach (var forged in new[] { input.Replace(token, altered, StringComparison.Ordinal), "feedback token:abc vote:wrong", foreign })
        {
            var refused = await _bot.SendAsync(forged, Alice, ChatPlatform.Discord);

            Assert.Equal("That choice has expired. Ask your question again and I'll answer it afresh.", refused.Text);
            Assert.True(refused.Private);
            Assert.False(refused.IsError);
        }
        Assert.Empty(StoredVotes());
    }

    [Fact]
    public async Task ExpiredToken_IsRefusedPolitely_AndNothingIsStored_WhileOneWithinTheDayCounts()
    {
        var stale = await AskAsync();
        _time.Advance(TimeSpan.FromHours(23));
        var fresh = await AskAsync("Who invests in Thailand?");
        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        var refused = await VoteAsync(stale, helpful: false);
        var counted = await VoteAsync(fresh, helpful: false);

        Assert.Equal("That choice has expired. Ask your question again and I'll answer it afresh.", refused.Text);
        Assert.Equal("Thanks — noted. An admin will look at it.", counted.Text);
        Assert.Equal(["Who invests in Thailand?"], StoredVotes().Select(v => v.Question));
    }

    [Fact]
    public async Task Votes_SurviveReopeningTheDatabase_AndTheSameUserIsStillRecognised()
    {
        var answer = await AskAsync();
        await VoteAsync(answer, helpful: false);
        var key = Assert.Single(StoredVotes()).UserKey;

        _bot.Restart();

        Assert.Equal(key, Assert.Single(StoredVotes()).UserKey);
        Assert.Single((await ReportAsync()).Fields);
        // Tokens live in memory: the old button has expired, a new answer's counts once for the same user.
        Assert.StartsWith("That choice has expired.", (await VoteAsync(answer, helpful: false)).Text, StringComparison.Ordinal);
        Assert.StartsWith("You have already marked this answer", (await VoteAsync(await AskAsync(), helpful: false)).Text, StringComparison.Ordinal);
        Assert.Single(StoredVotes());
    }

    [Fact]
    public async Task Votes_AreCountedByPlatformAndKind_OnceEach()
    {
        using var metrics = new MetricRecorder(_bot.Services, ChatMetrics.MeterName, "lmcbot_feedback_votes");
        var answer = await AskAsync();

        await VoteAsync(answer, helpful: false);
        await VoteAsync(answer, helpful: false); // the same again: not counted
        await VoteAsync(answer, helpful: true); // changed: counted
        await _bot.SendAsync(answer.Feedback[1].Input, Bob, ChatPlatform.Teams);

        Assert.Equal(
            [("Discord", "wrong"), ("Discord", "helpful"), ("Teams", "wrong")],
            metrics.Measurements.Select(m => ((string)m.Tags["platform"]!, (string)m.Tags["kind"]!)));
        Assert.All(metrics.Measurements, m => Assert.Equal(1, m.Value));
    }

    [Fact]
    public async Task TheSameAnswerAgain_CarriesTheSameToken_UntilHalfItsLifeHasGone_OrTheFactChanges()
    {
        var first = (await AskAsync()).Feedback[0].Input;
        var again = (await AskAsync(sender: Bob)).Feedback[0].Input;
        _time.Advance(TimeSpan.FromHours(13));
        var later = (await AskAsync()).Feedback[0].Input;
        Assert.False((await _bot.SendAsync($"kb edit id:{FactId} field:length_km value:1036")).IsError);
        var edited = (await AskAsync()).Feedback[0].Input;

        Assert.Equal(first, again);
        Assert.NotEqual(first, later);
        Assert.NotEqual(later, edited);
        Assert.StartsWith("Thanks", (await _bot.SendAsync(first, Alice, ChatPlatform.Discord)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotRight_NeverChangesTheAnswer()
    {
        var before = await AskAsync();
        await VoteAsync(before, helpful: false);
        await VoteAsync(before, helpful: false, Bob);

        var after = await AskAsync();

        Assert.Equal((before.Text, before.FactIds), (after.Text, after.FactIds));
    }
}
