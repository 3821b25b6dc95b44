using System.Text.Json;
using LmcBot.Core.Chat;

namespace LmcBot.Core.Tests.Chat;

public sealed class IntentTests
{
    [Fact]
    public void AName_NotListed_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Intent.Parse("figures"));

        Assert.Contains("'figures' is not an intent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AListedName_IsTheOneInstance()
    {
        var converted = Intent.Parse("figure-series");

        Assert.Same(Intent.FigureSeries, converted);
        Assert.Equal("figure-series", converted.ToString());
    }

    [Fact]
    public void InJson_AnIntentIsItsName_AndReadsBack()
    {
        var json = JsonSerializer.Serialize(new Answer { Answered = true, Intent = Intent.KbAdd, Text = "Added." });
        var back = JsonSerializer.Deserialize<Answer>(json)!;

        Assert.Contains("\"Intent\":\"kb.add\"", json, StringComparison.Ordinal);
        Assert.Same(Intent.KbAdd, back.Intent);
    }

    [Fact]
    public void Refusals_WithoutACommand_TakeTheirKindsIntent()
    {
        Assert.Equal(Intent.Usage, Answer.Error(ErrorKind.Usage, "x").Intent);
        Assert.Equal(Intent.AdminOnly, Answer.Error(ErrorKind.AdminOnly, "x").Intent);
        Assert.Equal(Intent.RateLimited, Answer.Error(ErrorKind.RateLimited, "x").Intent);
        Assert.Equal(Intent.Error, Answer.Error(ErrorKind.Internal, "x").Intent);
        Assert.True(Answer.Error(Intent.KbAdd, ErrorKind.Invalid, "x") is { IsError: true, Failure: ErrorKind.Invalid, Private: true });
    }
}
