/**
 * The seed's administrative example bodies (#25-#40, #42; shared/seed/platform-api-seed.txt) as
 * the seed's own text: <placeholders> are filled with real ids when sent.
 */
export const seed = {
  createUser: `{
"email": "user@example.com",
"firstName": "First",
"lastName": "Last",
"password": "temporary-password",
"roleLinks": []
}`,
  updateUser: `{
"_id": "<userId>",
"firstName": "UpdatedFirstName"
}`,
  addRoleLinks: `{
"userId": "<userId>",
"roleLinks": [
{
"roleCode": "default.organization.admin",
"entityType": "organization",
"entityId": "<organizationId>"
},
{
"roleCode": "sox.producer.admin",
"entityType": "organization_profile",
"entityId": "<profileId>"
}
]
}`,
  removeRoleLinks: `{
"userId": "<userId>",
"roleLinks": [
{
"roleCode": "default.organization.admin",
"entityType": "organization",
"entityId": "<organizationId>"
}
]
}`,
  setPassword: `{
"userId": "<userId>",
"password": "new-password"
}`,
  /** #43, the preproduction reset */
  preproductionReset: `{
"password": "temporary-password"
}`,
  userId: `{
"userId": "<userId>"
}`,
  searchUsers: `{
"email": "partial-or-full-email"
}`,
  removeTfa: `{
"userId": "<userId>",
"tfaId": "<tfaId>"
}`,
  createOrganization: `{
"name": "Organization Name",
"taxId": "123456789",
"duns": "123456789"
}`,
  updateOrganization: `{
"_id": "<organizationId>",
"name": "Updated Organization Name",
"taxId": "",
"status": "archive",
"address": {}
}`,
  empty: '{}',
  /** the header lines the seed shows before #38 and #41 */
  clientHeaders: `client-id: <clientId>
client-key: <clientKey>`,
  createProfile: `{
"name": "Organization Profile Name",
"organizationId": "<organizationId>",
"taxId": "800162034",
"duns": "831003012",
"participantTypes": ["producer"],
"participantTags": [
{
"tag": "nat_gas_producer"
}
]
}`,
  updateProfile: `{
"_id": "<profileId>",
"participantTags": [
{
"tag": "nat_gas_producer",
"measurers": [
{"identifier": "mock-server", "standardTypes": ["OGCI", "NGSI"]},
{"identifier": "project-canary", "standardTypes": ["OGCI"]}
],
"verifiers": [
{"identifier": "demo_verifier"},
{"identifier": "spirit"}
]
},
{
"tag": "nat_gas_transportation_producer"
},
{
"tag": "nat_gas_buyer"
},
{
"tag": "nat_gas_transportation_buyer"
}
]
}`,
  searchProfiles: `{
"participantTags": [
{"tag": "nat_gas_transportation_producer"}
]
}`,
};

/** #44's two seed bodies (the last two of the seed), verbatim. */
export const seedReports = {
  renderEmpty: `{
"template": "retirement",
"data": {}
}`,
  renderUnknown: `{
"template": "retirement1",
"data": {}
}`,
};
