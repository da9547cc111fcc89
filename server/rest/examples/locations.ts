import 'server-only';
import {
  ids,
  location,
  type OperationExample,
  seedLocationBody,
  seedLocationUpdate,
  updatedLocation,
} from './fixtures';

/** The locations module's REST examples (see server/rest/examples.ts). */
export const locationsExamples: Readonly<Record<string, OperationExample>> = {
  'locations.create': { request: seedLocationBody, response: location },
  'locations.update': { request: seedLocationUpdate, response: updatedLocation },
  'locations.get': { request: { _id: ids.location }, response: location },
  'locations.list': {
    request: { profileId: ids.profile, status: 'active', type: 'buying', basin: 'Permian', limit: 50 },
    response: { items: [location], nextCursor: null },
  },
  'locations.setStatus': {
    request: { profileId: ids.profile, ids: [ids.location, ids.otherLocation], status: 'archive' },
    response: { updated: 2 },
  },
  'locations.points': {
    request: { profileId: ids.profile, status: 'active' },
    response: {
      items: [
        {
          _id: ids.location,
          name: 'Location Name',
          type: 'buying',
          status: 'active',
          latitude: 31.972096,
          longitude: -83.76064,
        },
      ],
      truncated: false,
    },
  },
  'locations.import': {
    request: {
      profileId: ids.profile,
      csv: 'name,type,basin,isDirectConnection,preferredSuppliers,latitude,longitude,country,state,city,line1,postalCode,status\r\nWaha Hub,buying,Permian,true,Supplier A;Supplier B,31.2,-103.5,US,TX,Pecos,1 Main St,79772,active\r\n',
    },
    response: { imported: 1 },
  },
  'locations.export': {
    request: { profileId: ids.profile, status: 'active', basin: 'Permian' },
    response: {
      contentType: 'text/csv; charset=utf-8',
      filename: 'locations.csv',
      body: 'name,type,basin,isDirectConnection,preferredSuppliers,latitude,longitude,country,state,city,line1,postalCode,status,code,line2\r\nWaha Hub,buying,Permian,true,Supplier A;Supplier B,31.2,-103.5,US,TX,Pecos,1 Main St,79772,active,,\r\n',
    },
  },
};
