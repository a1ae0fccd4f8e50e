/**
 * The IDE's default tabs: the whole elderly-person view, one field set from each agency.
 * Tests run these exact documents, so the IDE never opens on a query that does not work.
 */
export const PERSON_VIEW_FRAGMENT = `fragment PersonView on Person {
  # Sở Nội vụ (homeaffairs): identity
  citizenId
  fullName
  birthDate
  sex
  age
  deathDate
  residence { code name }
  # Sở LĐ-TBXH (social): allowance and social pension
  monthlyAllowance { group coefficient monthlyAmount status startMonth }
  socialPension { monthlyAmount status startMonth }
  # Sở Y tế (health): record, last check, insurance card
  healthRecord { openedOn facility }
  lastHealthCheck { date resultClass facility }
  insuranceCard { code validFrom validTo }
  # Hội Người cao tuổi (association): membership and clubs
  membership { branchName joinedOn cardNumber }
  clubs { role club { clubId name } }
}`;

export const PEOPLE_QUERY = `# Năm người đầu tiên trong sổ, với dữ liệu của cả bốn cơ quan.
# The first five people in the register, with every agency's data.
# Mỗi vai trò chỉ thấy phần được phép; trường bị từ chối trả về null kèm lỗi FORBIDDEN
# (npm start đăng nhập sẵn là cán bộ xã: hồ sơ và kết quả khám chỉ dành cho ngành y tế).
# Each role sees what it may; a refused field is null with a FORBIDDEN error (npm start signs
# the IDE in as a commune officer: health records and check results are for health staff;
# npm run token -- --role health, then paste it in HTTP HEADERS).
query People {
  people(first: 5) {
    edges {
      node { ...PersonView }
    }
    pageInfo { hasNextPage endCursor }
  }
}

${PERSON_VIEW_FRAGMENT}
`;

export const PERSON_QUERY = `# Một người theo số định danh. / One person by citizen ID.
query Person($citizenId: ID!) {
  person(citizenId: $citizenId) { ...PersonView }
}

${PERSON_VIEW_FRAGMENT}
`;

export interface IdeTab {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** The tabs the IDE opens with; the person tab only when a citizen id is known. */
export function defaultTabs(citizenId?: string): IdeTab[] {
  const tabs: IdeTab[] = [{ name: 'people', query: PEOPLE_QUERY }];
  if (citizenId) tabs.push({ name: 'person', query: PERSON_QUERY, variables: { citizenId } });
  return tabs;
}
