/// What a column means to Kedja, whatever the ERP system called it.
///
/// The raw values are the names users type in `--map ROLE=COLUMN` and that profiles and `roles.csv` use.
public enum ColumnRole: String, CaseIterable, Sendable, Codable, Comparable {
    case supplierID = "supplier_id"
    case supplierName = "supplier_name"
    case orgNumber = "org_number"
    case vatNumber = "vat_number"
    case country
    case productionCountry = "production_country"
    case cpv
    case category
    case account
    case accountText = "account_text"
    case description
    case amount
    case currency
    case date
    case invoice

    public static func < (lhs: ColumnRole, rhs: ColumnRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
