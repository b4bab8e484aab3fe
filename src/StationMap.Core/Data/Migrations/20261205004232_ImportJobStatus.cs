using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StationMap.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportJobStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "import_jobs",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "succeeded");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "status",
                table: "import_jobs");
        }
    }
}
