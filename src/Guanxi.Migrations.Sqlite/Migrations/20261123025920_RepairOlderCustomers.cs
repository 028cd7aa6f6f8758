using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RepairOlderCustomers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Customers made before SearchGroupsMerge got an empty text for their contacts; the app reads a JSON list.
            // Their search entries are written by the start-up that applies this migration (IndexOlderCustomers).
            migrationBuilder.Sql("""UPDATE "Customers" SET "Contacts" = '[]' WHERE "Contacts" = '';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
