using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Guanxi.Web.Data;

/// <summary>Money in whole cents (分) on SQLite, so that the database sums and compares it exactly.</summary>
public sealed class DecimalToCentsConverter() : ValueConverter<decimal, long>(v => (long)decimal.Round(v * 100m, MidpointRounding.AwayFromZero), v => v / 100m);
