import { graphql } from '@/graphql/generated';

/**
 * Validates a buyer's email and password. With an impersonation token this signs nobody in at BigCommerce: we
 * keep the returned customer in our own sealed session (the documented pattern, FACTS "Customer impersonation").
 */
export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      customer {
        entityId
        email
        firstName
        lastName
        company
        customerGroupId
        customerGroupName
      }
    }
  }
`);
