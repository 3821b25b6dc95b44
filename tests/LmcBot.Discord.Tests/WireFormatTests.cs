using System.Text;
using LmcBot.Core.Chat;
using LmcBot.Discord.Interactions;
using LmcBot.Discord.Rendering;

namespace LmcBot.Discord.Tests;

/// <summary>
/// The exact bytes of what the adapter sends, recorded from the JsonObject-built messages the typed records replaced:
/// field order, left-out fields and the serialiser's escaping are kept as Discord saw them.
/// </summary>
public sealed class WireFormatTests
{
    private readonly AnswerRenderer _renderer = new(new FollowUpIdCodec());

    private static readonly Answer Full = new()
    {
        Answered = true,
        Intent = Intent.Route,
        Title = "StarExpress “quoted” <b>",
        Text = "Kunming → Vientiane & back. ไทย",
        Fields = [new AnswerField("Stops", "Kunming, Luang Prabang")],
        Citations =
        [
            new Citation("d1", "Doc 1", "quote one") { Grade = "wire", SourceDate = "2024-01-01", Url = "https://x.example/a?b=1&c=2" },
            new Citation("d2", "Doc 2", "quote two"),
        ],
        FollowUps = [FollowUp.Ask("route StarExpress"), new FollowUp("Investors", "investors Thailand")],
        File = new AnswerFile("kb.zip", "application/zip", [1]),
        Private = true,
    };

    private static string Text(byte[] json) => Encoding.UTF8.GetString(json);

    [Fact]
    public void Message_PrivateAnswerWithFile_EmbedButtonsFlagsAndAttachment() =>
        Assert.Equal("""{"embeds":[{"color":3049153,"title":"StarExpress \u201Cquoted\u201D \u003Cb\u003E","description":"Kunming \u2192 Vientiane \u0026 back. \u0E44\u0E17\u0E22","footer":{"text":"1. Doc 1 \u00B7 wire \u00B7 2024-01-01 \u00B7 https://x.example/a?b=1\u0026c=2\n2. Doc 2"},"fields":[{"name":"Stops","value":"Kunming, Luang Prabang","inline":false},{"name":"Source 1","value":"\u201Cquote one\u201D","inline":false},{"name":"Source 2","value":"\u201Cquote two\u201D","inline":false}]}],"components":[{"type":1,"components":[{"type":2,"style":2,"label":"route StarExpress","custom_id":"q:route StarExpress"},{"type":2,"style":2,"label":"Investors","custom_id":"q:investors Thailand"}]}],"allowed_mentions":{"parse":[]},"flags":64,"attachments":[{"id":0,"filename":"kb.zip"}]}""", Text(DiscordJsonContext.Serialize(_renderer.Render(Full).Payload)));

    [Fact]
    public void Message_UserError_EphemeralContent() =>
        Assert.Equal("""{"content":"Bad \u003Cinput\u003E \u2018x\u2019","allowed_mentions":{"parse":[]},"flags":64}""", Text(DiscordJsonContext.Serialize(_renderer.Render(Answer.Error(ErrorKind.Usage, "Bad <input> ‘x’")).Payload)));

    [Fact]
    public void Message_PublicNotice_NoFlags() =>
        Assert.Equal("""{"content":"Notice","allowed_mentions":{"parse":[]}}""", Text(DiscordJsonContext.Serialize(AnswerRenderer.Notice("Notice", ephemeral: false).Payload)));

    [Fact]
    public void Response_PublicAnswer_ChannelMessageWithSource() =>
        Assert.Equal("""{"type":4,"data":{"embeds":[{"color":3049153,"title":"StarExpress \u201Cquoted\u201D \u003Cb\u003E","description":"Kunming \u2192 Vientiane \u0026 back. \u0E44\u0E17\u0E22","footer":{"text":"1. Doc 1 \u00B7 wire \u00B7 2024-01-01 \u00B7 https://x.example/a?b=1\u0026c=2\n2. Doc 2"},"fields":[{"name":"Stops","value":"Kunming, Luang Prabang","inline":false},{"name":"Source 1","value":"\u201Cquote one\u201D","inline":false},{"name":"Source 2","value":"\u201Cquote two\u201D","inline":false}]}],"components":[{"type":1,"components":[{"type":2,"style":2,"label":"route StarExpress","custom_id":"q:route StarExpress"},{"type":2,"style":2,"label":"Investors","custom_id":"q:investors Thailand"}]}],"allowed_mentions":{"parse":[]}}}""",
            Text(DiscordJsonContext.Serialize(InteractionReply.WithMessage(_renderer.Render(Full with { File = null, Private = false })).Response)));

    [Fact]
    public void Response_Deferred_EphemeralOnlyWhenAsked()
    {
        var pending = Task.FromResult(_renderer.Render(Full));
        Assert.Equal("""{"type":5,"data":{"flags":64}}""", Text(DiscordJsonContext.Serialize(InteractionReply.Deferred(pending, ephemeral: true).Response)));
        Assert.Equal("""{"type":5}""", Text(DiscordJsonContext.Serialize(InteractionReply.Deferred(pending, ephemeral: false).Response)));
    }
}
