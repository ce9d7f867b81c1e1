using Latchkey.Protocol.Endpoints.DeviceAuthorization;

namespace Latchkey.Protocol.Tests.Endpoints;

/// <summary>RFC 8628 §6.1 user codes.</summary>
public sealed class UserCodeTests
{
    [Fact]
    public void New_codes_are_eight_consonants_of_the_base_20_alphabet_and_vary()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => UserCode.Create()).ToArray();
        Assert.All(codes, c => Assert.Matches("^[BCDFGHJKLMNPQRSTVWXZ]{8}$", c));
        Assert.True(codes.Distinct().Count() > 195);
        Assert.Equal(20, codes.SelectMany(c => c).Distinct().Count()); // every letter of the alphabet turns up
    }

    [Fact]
    public void Display_splits_the_code_in_two_halves() => Assert.Equal("WDJB-MJHT", UserCode.Display("WDJBMJHT"));

    [Theory]
    [InlineData("WDJB-MJHT")]
    [InlineData("wdjbmjht")]
    [InlineData(" wdjb mjht ")]
    [InlineData("Wd-Jb-Mj-Ht")]
    public void Case_dashes_and_spaces_do_not_matter(string typed) => Assert.Equal("WDJBMJHT", UserCode.Normalize(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("WDJB-MJH")] // too short
    [InlineData("WDJB-MJHTX")] // too long
    [InlineData("WDJA-MJHT")] // a vowel
    [InlineData("WDJ0-MJHT")] // a digit
    [InlineData("WDJB_MJHT")] // another separator
    public void Anything_else_cannot_be_a_code(string? typed) => Assert.Null(UserCode.Normalize(typed));

    [Fact]
    public void Overlong_input_is_not_looked_at() => Assert.Null(UserCode.Normalize(new string('-', 40) + "WDJBMJHT"));

    [Fact]
    public void The_stored_hash_is_of_the_normalized_form() =>
        Assert.Equal(UserCode.Hash(UserCode.Normalize("wdjb-mjht")!), UserCode.Hash("WDJBMJHT"));
}
