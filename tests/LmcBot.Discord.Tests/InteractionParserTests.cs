using System.Text;
using LmcBot.Discord.Interactions;
using LmcBot.Testing;

namespace LmcBot.Discord.Tests;

public sealed class InteractionParserTests
{
    private static Interaction Parse(string json)
    {
        Assert.True(InteractionParser.TryParse(Encoding.UTF8.GetBytes(json), out var interaction, out var error), error);
        return interaction!;
    }

    [Fact]
    public void TryParse_GuildAsk_SenderScopeCommandAndOptions()
    {
        var interaction = Parse(Samples.Load("ask-guild.json"));

        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal("ask", interaction.CommandPath);
        Assert.Equal("When was the LMC established?", interaction.Options["question"]);
        Assert.Equal("2000000000000000000", interaction.GuildId);
        Assert.Equal("3000000000000000000", interaction.ChannelId);
        Assert.Equal("4000000000000000000", interaction.Sender!.Id);
        Assert.Equal("Alice", interaction.Sender.DisplayName);
        Assert.Equal(["5000000000000000000", "5000000000000000001"], interaction.Sender.RoleIds);
        Assert.False(interaction.Sender.HasManagePermission);
    }

    [Fact]
    public void TryParse_DirectMessage_UserWithoutGuild()
    {
        var interaction = Parse(Samples.Load("ask-private-dm.json"));

        Assert.Null(interaction.GuildId);
        Assert.Equal("bob", interaction.Sender!.DisplayName);
        Assert.Equal("true", interaction.Options["private"]);
        Assert.False(interaction.Sender.HasManagePermission);
    }

    [Fact]
    public void TryParse_SubcommandGroup_FullPathAndLeafOptions()
    {
        var interaction = Parse(Samples.Load("kb-add-citypair.json"));

        Assert.Equal("kb add citypair", interaction.CommandPath);
        Assert.Equal("Chiang Mai", interaction.Options["city_b"]);
        Assert.Equal("true", interaction.Options["admin_note"]);
        Assert.Equal("Carol (mod)", interaction.Sender!.DisplayName);
    }

    [Theory]
    [InlineData("9007199254741024", true)]   // 2^53 + MANAGE_GUILD
    [InlineData("18014398509481984", false)] // 2^54 alone
    [InlineData("8", true)]                  // ADMINISTRATOR
    [InlineData("32", true)]
    [InlineData("2147483607", false)]        // every bit below 2^31 except 8 and 32
    [InlineData("not a number", false)]
    [InlineData(null, false)]
    public void HasManagePermission_Bitfield_AdministratorOrManageGuild(string? permissions, bool expected)
    {
        Assert.Equal(expected, InteractionParser.HasManagePermission(permissions));
    }

    [Fact]
    public void TryParse_IntegerOption_InvariantString()
    {
        var interaction = Parse(Samples.Load("kb-list-no-manage.json"));
        Assert.Equal("kb list", interaction.CommandPath);
        Assert.Equal("2", interaction.Options["page"]);
        Assert.False(interaction.Sender!.HasManagePermission);
    }

    [Fact]
    public void TryParse_Autocomplete_FocusedOptionAndPartial()
    {
        var interaction = Parse(Samples.Load("autocomplete-citypairs.json"));
        Assert.Equal("city", interaction.FocusedOption);
        Assert.Equal("chi", interaction.Options["city"]);
    }

    [Fact]
    public void TryParse_AttachmentOption_ResolvedAttachment()
    {
        var interaction = Parse(Samples.Load("kb-import-file.json",
            ("filename", "a.md"), ("size", "12"), ("url", "https://cdn.discordapp.com/a.md"), ("content_type", "text/markdown; charset=utf-8")));

        Assert.Equal("kb import", interaction.CommandPath);
        Assert.Equal(new InteractionAttachment("a.md", "https://cdn.discordapp.com/a.md", 12, "text/markdown; charset=utf-8"), interaction.Attachment);
    }

    [Theory]
    [InlineData("{\"type\":2")]
    [InlineData("[1,2]")]
    [InlineData("{\"type\":99,\"id\":\"1\",\"token\":\"t\",\"application_id\":\"1\"}")]
    [InlineData("{\"type\":5,\"id\":\"1\",\"token\":\"t\",\"application_id\":\"1\"}")]
    [InlineData("{\"type\":2,\"id\":\"1\",\"application_id\":\"1\"}")]
    [InlineData("{\"type\":2,\"id\":\"1\",\"token\":\"t\",\"application_id\":\"1\"}")]
    public void TryParse_MalformedOrUnknown_FailsWithReason(string json)
    {
        Assert.False(InteractionParser.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
