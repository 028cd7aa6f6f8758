using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Tests;

/// <summary>The archive's rules beyond entry: search and duplicate keys (ARC-2), merge (ARC-2), archive and erasure (SEC-1), groups (ARC-8).</summary>
public sealed class CustomerArchiveRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Guid Sales = Guid.NewGuid();

    private static Customer Make(string name, string mobile, string? organization = null, string? source = null, string? email = null,
        params CustomerContact[] contacts) =>
        Customer.Create(new CustomerDetails(
            CustomerType.Person, name, organization, [new CustomerPhone(PhoneKind.Mobile, mobile)], email is null ? [] : [email], null,
            [], null, false, Gender.Unknown, null, null, source, "owner-1", Sales, null, null, null, contacts), Now, Today).Value!;

    [Fact]
    public void ARC_2_search_keys_hold_every_one_and_two_character_piece_the_reversed_phone_and_the_duplicate_keys()
    {
        var keys = CustomerKeys.Of(Make("张小明", "+8613812341234", "琥珀光学", email: "ZXM@Example.cn"));
        Assert.Subset(keys.ToHashSet(), new HashSet<string> { "g:张", "g:小", "g:明", "g:张小", "g:小明", "g:琥珀", "g:光学" });
        Assert.DoesNotContain("g:张明", keys);
        Assert.Subset(keys.ToHashSet(), new HashSet<string> { "p:张小明", "p:琥珀光", "p:琥珀光学" });   // beginnings of 3+ characters
        Assert.DoesNotContain("p:小明", keys);
        Assert.Contains("t:4321432183168", keys);   // +8613812341234 reversed: a tail is a prefix
        Assert.Contains("m:+8613812341234", keys);
        Assert.Contains("e:zxm@example.cn", keys);
        Assert.Contains("n:张小明\u0001琥珀光学", keys);
        Assert.Equal("43214321", CustomerKeys.PhoneQuery("1234-1234"));
        Assert.Null(CustomerKeys.PhoneQuery("123"));
        Assert.Null(CustomerKeys.PhoneQuery("12a4"));
    }

    [Fact]
    public void ARC_2_where_a_word_index_holds_the_name_pieces_the_keys_are_only_phones_and_duplicate_keys()
    {
        var keys = CustomerKeys.Of(Make("张小明", "+8613812341234", "琥珀光学", email: "ZXM@Example.cn"), namePieces: false);

        Assert.Equal(["e:zxm@example.cn", "m:+8613812341234", "n:张小明\u0001琥珀光学", "t:4321432183168"], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ARC_2_the_words_hold_each_character_in_order_each_beginning_and_the_whole_name()
    {
        var words = CustomerKeys.Words(Make("张小明", "+8613812341234", "A&B Co."));

        Assert.Equal("张 小 明 || a & b ␣ c o . ^张 ^张小 ^张小明 =张小明 ^a ^a& ^a&b ^a&b␣ ^a&b␣c ^a&b␣co ^a&b␣co. =a&b␣co.", words);
    }

    [Fact]
    public void ARC_2_a_character_beyond_the_basic_plane_is_one_word_and_beginnings_stop_at_32_characters()
    {
        var words = CustomerKeys.Words(Make("𠀀明", "+8613812341234", new string('华', 40))).Split(' ');

        Assert.Equal(["𠀀", "明", "||"], words[..3]);
        Assert.Contains("^𠀀", words);
        Assert.Contains("^" + new string('华', 32), words);
        Assert.DoesNotContain("^" + new string('华', 33), words);
        Assert.DoesNotContain("=" + new string('华', 40), words);   // like the "p:" keys: exact and prefix up to 32 characters
    }

    [Fact]
    public void Search_weighs_an_exact_name_above_a_prefix_above_any_other_match()
    {
        var customer = Make("小明", "+8613812341234", "琥珀光学");
        Assert.Equal(2, CustomerKeys.WeightOf("g:小明", customer));
        Assert.Equal(1, CustomerKeys.WeightOf("g:小", customer));
        Assert.Equal(1, CustomerKeys.WeightOf("g:琥珀", customer));   // the organisation counts as much as the name
        Assert.Equal(0, CustomerKeys.WeightOf("g:明", customer));
        Assert.Equal(2, CustomerKeys.WeightOf("p:琥珀光学", customer));
        Assert.Equal(1, CustomerKeys.WeightOf("p:琥珀光", customer));
        Assert.Equal(0, CustomerKeys.WeightOf("t:4321432183168", customer));
        Assert.Equal(0, CustomerKeys.Weight("abc", "xabc", "abcd"[1..]));
    }

    [Fact]
    public void ARC_2_a_person_without_organisation_is_no_duplicate_by_name_alone()
    {
        var keys = CustomerKeys.DuplicateKeys(Make("王伟", "+8613812341234").Details);
        Assert.DoesNotContain(keys, k => k.StartsWith(CustomerKeys.NameAndOrganization, StringComparison.Ordinal));
    }

    [Fact]
    public void ARC_2_a_merge_keeps_the_picked_values_fills_the_blanks_and_unites_the_lists()
    {
        var contact = new CustomerContact("周秘书", "秘书", [new CustomerPhone(PhoneKind.Office, "+865198661234")], null);
        var survivor = Make("孙立新", "+8613966611111", source: "展厅来访");
        var merged = Make("孙立新", "+8613966622222", "常州合并测试有限公司", "老客户介绍", "sun@example.cn", contact);

        var details = CustomerMerge.Compose(survivor, [merged], new Dictionary<string, Guid> { ["source"] = merged.Id });
        Assert.Equal("老客户介绍", details.Source);                  // picked
        Assert.Equal("常州合并测试有限公司", details.Organization);    // the survivor had none
        Assert.Equal(["+8613966611111", "+8613966622222"], details.Phones.Select(p => p.Number));
        Assert.Equal(["sun@example.cn"], details.Emails);
        Assert.Equal([contact], details.Contacts!);
    }

    [Fact]
    public void ARC_2_a_merged_record_is_a_tombstone_that_points_to_the_survivor_and_cannot_be_merged_or_changed_again()
    {
        var survivor = Make("甲", "+8613900000001");
        var merged = Make("乙", "+8613900000002");
        Assert.True(merged.MergeInto(survivor).Succeeded);
        Assert.Equal((CustomerStatus.Merged, survivor.Id), (merged.Status, merged.MergedIntoId));
        Assert.False(merged.MergeInto(survivor).Succeeded);
        Assert.False(survivor.MergeInto(survivor).Succeeded);
        Assert.False(merged.Update(merged.Details, Now, Today).Succeeded);
        Assert.Empty(CustomerKeys.Of(merged));   // a tombstone is found by nobody
    }

    [Fact]
    public void SEC_1_archive_is_reversible_and_erasure_blanks_every_personal_field_for_good()
    {
        var customer = Make("褚归档", "+8613966655555", "某公司", email: "chu@example.cn",
            contacts: new CustomerContact("联系人", null, [new CustomerPhone(PhoneKind.Mobile, "+8613966655556")], null));
        Assert.True(customer.Archive().Succeeded);
        Assert.False(customer.Archive().Succeeded);
        Assert.True(customer.Restore().Succeeded);

        var owner = customer.OwnerId;
        Assert.True(customer.Erase().Succeeded);
        Assert.Equal((Customer.ErasedName, CustomerStatus.Erased), (customer.Name, customer.Status));
        Assert.Empty(customer.Phones);
        Assert.Empty(customer.Emails);
        Assert.Empty(customer.Contacts);
        Assert.Null(customer.Organization);
        Assert.Equal(owner, customer.OwnerId);   // business facts stay
        Assert.False(customer.Erase().Succeeded);
        Assert.False(customer.Restore().Succeeded);
    }

    [Fact]
    public void ARC_8_a_group_needs_a_name_and_only_its_maker_and_managers_manage_it()
    {
        Assert.False(CustomerGroup.Create(" ", null, "u1", Now).Succeeded);
        Assert.False(CustomerGroup.Create(new string('组', CustomerGroup.MaxNameLength + 1), null, "u1", Now).Succeeded);
        var group = CustomerGroup.Create(" 车友会 ", " ", "u1", Now).Value!;
        Assert.Equal(("车友会", null), (group.Name, group.Description));
        Assert.True(group.CanBeManagedBy(new Viewer("u1", Sales, new HashSet<Role> { Role.SalesConsultant })));
        Assert.False(group.CanBeManagedBy(new Viewer("u2", Sales, new HashSet<Role> { Role.SalesConsultant })));
        Assert.True(group.CanBeManagedBy(new Viewer("u3", Sales, new HashSet<Role> { Role.DepartmentManager })));
    }
}
