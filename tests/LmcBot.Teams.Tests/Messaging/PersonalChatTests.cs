using System.Net;
using LmcBot.Core.Chat;
using LmcBot.Teams.Tests.Support;

namespace LmcBot.Teams.Tests.Messaging;

public sealed class PersonalChatTests
{
    [Fact]
    public async Task Message_InPersonalChat_PostsAnswerCardWithCitationAsReply()
    {
        await using var host = await TeamsTestHost.StartAsync();

        using var response = await host.PostAsync(host.Sample("personal-message.json"), host.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var reply = Assert.Single(host.Connector.Delivered);
        Assert.Equal("1741079727300", reply.ReplyToId);
        Assert.StartsWith("a:1Qw3rTy5", reply.ConversationId);
        Assert.Equal("message", reply.Type);
        Assert.Equal("AdaptiveCard", reply.Card.GetProperty("type").GetString());
        Assert.Equal("1.5", reply.Card.GetProperty("version").GetString());
        var texts = reply.CardTexts().ToList();
        Assert.Contains(texts, t => t.Contains("connects Kunming to Vientiane via Luang Prabang", StringComparison.Ordinal));
        Assert.Contains("Source: China and the Mekong countries deepen cooperation under the LMC framework · article", texts);
        Assert.Contains("“The StarExpress train, launched in 2024, connects Kunming to Vientiane via Luang Prabang, offering scenic and efficient travel across borders.”", texts);
        Assert.Contains(texts, t => t.StartsWith("Source: The China-Laos Railway, its freight services and the StarExpress tourist train · Laotian Times (citing Chinese media) · wire · 2024-09-27 · https://laotiantimes.com/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_InPersonalChat_TranslatesSenderTenantAndConversation()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("personal-message.json");

        var request = Assert.Single(host.Recorded);
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

        await host.PostValidAsync("personal-message.json", a => a["text"] = "route StarExpress");

        var body = Assert.Single(host.Connector.Delivered).Body;
        Assert.Equal(TeamsTestHost.BotId, body.GetProperty("from").GetProperty("id").GetString());
        Assert.StartsWith("29:1Kz8vYh3", body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("1741079727300", body.GetProperty("replyToId").GetString());
        Assert.False(body.TryGetProperty("id", out _));
        Assert.False(body.TryGetProperty("serviceUrl", out _));
        Assert.False(body.TryGetProperty("timestamp", out _));
        Assert.False(body.TryGetProperty("text", out _));
        Assert.Equal("StarExpress", body.GetProperty("summary").GetString());
        Assert.Equal("application/json; charset=utf-8", Assert.Single(host.Connector.Delivered).ContentType);
    }

    [Fact]
    public async Task TextCommand_InPersonalChat_IsPassedAsTextAndAnsweredWithFactsAndFollowUps()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("personal-message.json", a => a["text"] = "route StarExpress");

        Assert.Equal("route StarExpress", Assert.Single(host.Recorded).Text);
        var card = Assert.Single(host.Connector.Delivered).Card;
        var facts = card.GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "FactSet").GetProperty("facts");
        Assert.Contains(facts.EnumerateArray(), f => f.GetProperty("title").GetString() == "Stops"
            && f.GetProperty("value").GetString() == "Kunming → Xishuangbanna → Luang Prabang → Vientiane");
        var actions = card.GetProperty("actions").EnumerateArray().ToList();
        Assert.InRange(actions.Count, 1, 3);
        Assert.All(actions, a =>
        {
            Assert.Equal("Action.Submit", a.GetProperty("type").GetString());
            Assert.False(string.IsNullOrEmpty(a.GetProperty("data").GetProperty("cmd").GetString()));
        });
        Assert.Contains(actions, a => a.GetProperty("data").GetProperty("cmd").GetString() == "citypairs Kunming");
        Assert.StartsWith("StarExpress: ", card.GetProperty("fallbackText").GetString());
    }
}
