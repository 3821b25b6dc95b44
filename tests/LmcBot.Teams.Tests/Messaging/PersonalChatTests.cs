using System.Net;
using System.Text.Json;
using LmcBot.Core.Chat;
using LmcBot.Teams.Tests.Fakes;
using LmcBot.Teams.Tests.Support;

namespace LmcBot.Teams.Tests.Messaging;

public sealed class PersonalChatTests
{
    [Fact]
    public async Task Message_InPersonalChat_PostsAnswerCardWithCitationAsReply()
    {
        var bot = new ScriptedChatBot();
        await using var host = await TeamsTestHost.StartAsync(bot);

        using var response = await host.PostAsync(host.Sample("personal-message.json"), host.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var reply = Assert.Single(host.Connector.Delivered);
        Assert.Equal("1741079727300", reply.ReplyToId);
        Assert.StartsWith("a:1Qw3rTy5", reply.ConversationId);
        Assert.Equal("message", reply.Type);
        var card = reply.Card;
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var texts = reply.CardTexts().ToList();
        Assert.Contains("StarExpress runs Kunming → Luang Prabang → Vientiane.", texts);
        Assert.Contains(texts, t => t.StartsWith("Source: China, Mekong countries deepen ties · article · 2025-01-10 · https://example.org/lmc-article"));
        Assert.Contains("“The StarExpress links Kunming, Luang Prabang and Vientiane.”", texts);
    }

    [Fact]
    public async Task Message_InPersonalChat_TranslatesSenderTenantAndConversation()
    {
        var bot = new ScriptedChatBot();
        await using var host = await TeamsTestHost.StartAsync(bot);

        await host.PostValidAsync("personal-message.json");

        var request = Assert.Single(bot.Requests);
        Assert.Equal(ChatPlatform.Teams, request.Platform);
        Assert.Equal("Which stops does StarExpress make?", request.Text);
        Assert.Null(request.Command);
        Assert.StartsWith("29:1Kz8vYh3", request.Sender.Id);
        Assert.Equal("Somchai Wongsakul", request.Sender.DisplayName);
        Assert.Equal("0c5e4d7a-2b1f-4e8c-9a6d-3f2e1b0c9d8e", request.Sender.DirectoryObjectId);
        Assert.Equal(TeamsTestHost.TenantId, request.ScopeId);
        Assert.StartsWith("a:1Qw3rTy5", request.ConversationId);
    }

    [Fact]
    public async Task Reply_Always_SwapsFromAndRecipientAndOmitsInboundOnlyFields()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("personal-message.json");

        var body = Assert.Single(host.Connector.Delivered).Body;
        Assert.Equal(TeamsTestHost.BotId, body.GetProperty("from").GetProperty("id").GetString());
        Assert.StartsWith("29:1Kz8vYh3", body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("1741079727300", body.GetProperty("replyToId").GetString());
        Assert.False(body.TryGetProperty("id", out _));
        Assert.False(body.TryGetProperty("serviceUrl", out _));
        Assert.False(body.TryGetProperty("timestamp", out _));
        Assert.False(body.TryGetProperty("text", out _));
        Assert.Equal("StarExpress", body.GetProperty("summary").GetString());
    }
}
