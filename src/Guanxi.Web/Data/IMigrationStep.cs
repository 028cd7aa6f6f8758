namespace Guanxi.Web.Data;

/// <summary>
/// What a feature does once the migrations are applied, when one of them asks for what a migration cannot do in SQL
/// (the customers' search entries of an older database). Registered in DI by the feature;
/// <see cref="DataFeature.MigrateAsync"/> runs the due ones in the order they were registered.
/// </summary>
public interface IMigrationStep
{
    /// <summary>Whether it is to run, from the migrations about to be applied.</summary>
    bool Due(IEnumerable<string> pendingMigrations);

    Task Run(GuanxiDbContext db, CancellationToken cancellationToken);
}
