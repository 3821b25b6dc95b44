using LmcBot.Core.Chat;
using LmcBot.Core.Chat.Presentation;
using LmcBot.Teams.Tests.Support;
using LmcBot.Testing;

namespace LmcBot.Teams.Tests.Messaging;

public sealed class TurnTests
{
    [Fact]
    public async Task Answer_NotImmediate_IsPrecededByTypingIndicator()
    {
        var time = new TestClock();
        var release = new TaskCompletionSource();
        var bot = new ScriptedChatBot(ScriptedChatBot.ByKeyword);
        bot.Respond = async (request, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return ScriptedChatBot.ByKeyword(request);
        };
        await using var host = await TeamsTestHost.StartAsync(bot, time: time);

        var post = host.PostValidAsync("personal-message.json");
        // Teams:TypingDelay (250 ms) passes on the host's clock while the bot is still thinking.
        await time.WaitForTimerAsync(TimeSpan.FromMilliseconds(250));
        time.Advance(TimeSpan.FromMilliseconds(250));
        await host.Connector.WaitForDeliveredAsync(1);
        release.SetResult();
        await post;

        var calls = host.Connector.Delivered;
        Assert.Equal(["typing", "message"], calls.Select(c => c.Type));
        Assert.Null(calls[0].ReplyToId);
        Assert.Equal(TeamsTestHost.BotId, calls[0].Body.GetProperty("from").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Answer_Immediate_HasNoTypingIndicator()
    {
        await using var host = await TeamsTestHost.StartAsync(new ScriptedChatBot(ScriptedChatBot.ByKeyword));

        await host.PostValidAsync("personal-message.json");

        Assert.Equal(["message"], host.Connector.Delivered.Select(c => c.Type));
    }

    [Fact]
    public async Task Answer_BotThrows_PostsApologyInsteadOfSilence()
    {
        var bot = new ScriptedChatBot(ScriptedChatBot.ByKeyword) { Respond = (_, _) => throw new InvalidOperationException("bug in the core") };
        await using var host = await TeamsTestHost.StartAsync(bot);

        await host.PostValidAsync("personal-message.json");

        var reply = Assert.Single(host.Connector.Delivered);
        var text = reply.Card.GetProperty("body")[0];
        Assert.Equal(UnexpectedFailure.Apology, text.GetProperty("text").GetString());
        Assert.Equal("attention", text.GetProperty("color").GetString());
    }

    [Fact]
    public async Task Answer_PrivateInTeams_IsRepliedNormally()
    {
        var bot = new ScriptedChatBot(ScriptedChatBot.ByKeyword) { Respond = (r, _) => Task.FromResult(Answer.Error(ErrorKind.Usage, "route needs 'name'.")) };
        await using var host = await TeamsTestHost.StartAsync(bot);

        await host.PostValidAsync("channel-message-mention.json");

        var reply = Assert.Single(host.Connector.Delivered);
        Assert.Equal("1741082531891", reply.ReplyToId);
        Assert.Contains("route needs 'name'.", reply.CardTexts());
    }
}
