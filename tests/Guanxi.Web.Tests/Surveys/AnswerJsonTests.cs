using System.Text.Json;
using System.Text.Encodings.Web;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;

namespace Guanxi.Web.Tests.Surveys;

/// <summary>Answers are stored as the serializer has always written them, and read back whatever it wrote.</summary>
public sealed class AnswerJsonTests
{
    private static readonly JsonSerializerOptions Plain = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Answers_are_written_as_before_and_read_back()
    {
        List<Answer> answers = [new("overall", "9"), new("showroom", "很好"), new("comment", "交车时等了\"两个\"小时"), new("unanswered", null)];
        var json = JsonSerializer.Serialize(answers, JsonColumn.Options);
        Assert.Equal(JsonSerializer.Serialize(answers, Plain), json);
        Assert.Equal(answers, JsonSerializer.Deserialize<List<Answer>>(json, JsonColumn.Options));
        Assert.Equal([new Answer("overall", "9")], JsonSerializer.Deserialize<List<Answer>>("""[{"QuestionId":"overall","extra":[1,{"a":2}],"Value":"9"}]""", JsonColumn.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<List<Answer>>("""[{"value":"9"}]""", JsonColumn.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<List<Answer>>("""["9"]""", JsonColumn.Options));
    }
}
