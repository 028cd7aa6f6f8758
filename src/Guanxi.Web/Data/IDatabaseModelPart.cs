using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Guanxi.Web.Data;

/// <summary>
/// A feature's part of the model that depends on the database (an index or a collation only PostgreSQL has). The
/// context applies every one in the assembly after the <see cref="IEntityTypeConfiguration{TEntity}"/>s, and names none.
/// </summary>
public interface IDatabaseModelPart
{
    void Configure(ModelBuilder builder, DatabaseFacade database);
}
