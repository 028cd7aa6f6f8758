using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CreditNotRatedCustomers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // ARC-5: a customer with no payment history (no instalment fallen due) and no business condition is not rated.
            // What the rules gave them before (A by default) goes; a level set by hand stays, the rules now giving none.
            // A migration of its own: SQLite rebuilds the tables of CreditNotRated at the end of that migration.
            migrationBuilder.Sql("""
                UPDATE "Customers" SET "CreditComputed" = NULL, "Credit" = CASE WHEN "CreditManual" = 1 THEN "Credit" ELSE NULL END
                WHERE "BusinessConditions" = '[]'
                  AND NOT EXISTS (SELECT 1 FROM "CustomerCredits" r WHERE r."CustomerId" = "Customers"."Id" AND r."Due" > 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo here: CreditNotRated's Down gives those not rated the A of before.
        }
    }
}
