using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Guanxi.Web.Data;

/// <summary>Stores an instant as UTC ticks so that SQLite can index, compare and order it.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
