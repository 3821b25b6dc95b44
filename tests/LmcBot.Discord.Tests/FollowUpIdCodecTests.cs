using LmcBot.Discord.Rendering;

namespace LmcBot.Discord.Tests;

public sealed class FollowUpIdCodecTests
{
    [Fact]
    public void Encode_ShortInput_TravelsInsideTheId()
    {
        var codec = new FollowUpIdCodec();
        Assert.Equal("q:route StarExpress", codec.Encode("route StarExpress"));
        Assert.Equal("route StarExpress", new FollowUpIdCodec().Decode("q:route StarExpress"));
    }

    [Fact]
    public void Encode_InputOf98Chars_StillInlineAt100()
    {
        var input = new string('a', 98);
        Assert.Equal(100, new FollowUpIdCodec().Encode(input).Length);
    }

    [Fact]
    public void Encode_LongInput_StableHashIdThatDecodes()
    {
        var codec = new FollowUpIdCodec();
        var input = new string('b', 99);

        var id = codec.Encode(input);

        Assert.StartsWith("h:", id);
        Assert.True(id.Length <= 100);
        Assert.Equal(id, codec.Encode(input));
        Assert.Equal(input, codec.Decode(id));
    }

    [Fact]
    public void Decode_HashFromAnotherProcessOrForeignId_ReturnsNull()
    {
        var id = new FollowUpIdCodec().Encode(new string('c', 150));
        Assert.Null(new FollowUpIdCodec().Decode(id));
        Assert.Null(new FollowUpIdCodec().Decode("someone-elses-button"));
        Assert.Null(new FollowUpIdCodec().Decode("q:"));
    }

    [Fact]
    public void Encode_BeyondCapacity_ForgetsOldestFirst()
    {
        var codec = new FollowUpIdCodec(capacity: 2);
        var ids = Enumerable.Range(0, 3).Select(i => codec.Encode(new string((char)('d' + i), 120))).ToList();

        Assert.Null(codec.Decode(ids[0]));
        Assert.NotNull(codec.Decode(ids[2]));
    }
}
