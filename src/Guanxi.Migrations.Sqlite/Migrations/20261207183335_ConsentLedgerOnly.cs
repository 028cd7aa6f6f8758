using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConsentLedgerOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConsentAt",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "ConsentChannel",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "MarketingConsent",
                table: "Customers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ConsentAt",
                table: "Customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentChannel",
                table: "Customers",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MarketingConsent",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }
    }
}
