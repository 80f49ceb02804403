/**
 * The AIP rule pack (category AIP, off by default; measured against api-linter in
 * ACCURACY.md). Loaded on demand through registry.ts: its modules cost about 75 ms
 * of start-up, which runs that switch no AIP rule on (the pre-commit hook) never pay.
 */

import type { GovernanceRule } from "../rule.js";
import aip0122NameSuffix from "./aip-0122-name-suffix.js";
import aip0123DuplicateResource from "./aip-0123-duplicate-resource.js";
import aip0123NameNeverOptional from "./aip-0123-name-never-optional.js";
import aip0123ResourceAnnotation from "./aip-0123-resource-annotation.js";
import aip0123ResourceDefinitionPattern from "./aip-0123-resource-definition-pattern.js";
import aip0123ResourceDefinitionTypeName from "./aip-0123-resource-definition-type-name.js";
import aip0123ResourceDefinitionVariables from "./aip-0123-resource-definition-variables.js";
import aip0123ResourceNameComponentsAlternate from "./aip-0123-resource-name-components-alternate.js";
import aip0123ResourceNameField from "./aip-0123-resource-name-field.js";
import aip0123ResourcePattern from "./aip-0123-resource-pattern.js";
import aip0123ResourcePatternPlural from "./aip-0123-resource-pattern-plural.js";
import aip0123ResourcePatternSingular from "./aip-0123-resource-pattern-singular.js";
import aip0123ResourcePlural from "./aip-0123-resource-plural.js";
import aip0123ResourceReferenceType from "./aip-0123-resource-reference-type.js";
import aip0123ResourceSingular from "./aip-0123-resource-singular.js";
import aip0123ResourceTypeMessage from "./aip-0123-resource-type-message.js";
import aip0123ResourceTypeName from "./aip-0123-resource-type-name.js";
import aip0123ResourceVariables from "./aip-0123-resource-variables.js";
import aip0126Unspecified from "./aip-0126-unspecified.js";
import aip0126UpperSnakeValues from "./aip-0126-upper-snake-values.js";
import aip0127HttpAnnotation from "./aip-0127-http-annotation.js";
import aip0127HttpTemplatePattern from "./aip-0127-http-template-pattern.js";
import aip0127HttpTemplateSyntax from "./aip-0127-http-template-syntax.js";
import aip0127ResourceNameExtraction from "./aip-0127-resource-name-extraction.js";
import aip0127UriLeadingSlash from "./aip-0127-uri-leading-slash.js";
import aip0131HttpBody from "./aip-0131-http-body.js";
import aip0131HttpMethod from "./aip-0131-http-method.js";
import aip0131HttpUriName from "./aip-0131-http-uri-name.js";
import aip0131MethodSignature from "./aip-0131-method-signature.js";
import aip0131RequestMessageName from "./aip-0131-request-message-name.js";
import aip0131RequestNameBehavior from "./aip-0131-request-name-behavior.js";
import aip0131RequestNameField from "./aip-0131-request-name-field.js";
import aip0131RequestNameReference from "./aip-0131-request-name-reference.js";
import aip0131RequestNameReferenceType from "./aip-0131-request-name-reference-type.js";
import aip0131RequestNameRequired from "./aip-0131-request-name-required.js";
import aip0131RequestRequiredFields from "./aip-0131-request-required-fields.js";
import aip0131RequestUnknownFields from "./aip-0131-request-unknown-fields.js";
import aip0131ResponseMessageName from "./aip-0131-response-message-name.js";
import aip0131Synonyms from "./aip-0131-synonyms.js";
import aip0132HttpBody from "./aip-0132-http-body.js";
import aip0132HttpMethod from "./aip-0132-http-method.js";
import aip0132HttpUriParent from "./aip-0132-http-uri-parent.js";
import aip0132MethodSignature from "./aip-0132-method-signature.js";
import aip0132RequestFieldTypes from "./aip-0132-request-field-types.js";
import aip0132RequestMessageName from "./aip-0132-request-message-name.js";
import aip0132RequestParentBehavior from "./aip-0132-request-parent-behavior.js";
import aip0132RequestParentField from "./aip-0132-request-parent-field.js";
import aip0132RequestParentReference from "./aip-0132-request-parent-reference.js";
import aip0132RequestParentRequired from "./aip-0132-request-parent-required.js";
import aip0132RequestParentValidReference from "./aip-0132-request-parent-valid-reference.js";
import aip0132RequestRequiredFields from "./aip-0132-request-required-fields.js";
import aip0132RequestShowDeletedRequired from "./aip-0132-request-show-deleted-required.js";
import aip0132RequestUnknownFields from "./aip-0132-request-unknown-fields.js";
import aip0132ResourceReferenceType from "./aip-0132-resource-reference-type.js";
import aip0132ResponseMessageName from "./aip-0132-response-message-name.js";
import aip0132ResponseUnknownFields from "./aip-0132-response-unknown-fields.js";
import aip0133HttpBody from "./aip-0133-http-body.js";
import aip0133HttpMethod from "./aip-0133-http-method.js";
import aip0133HttpUriParent from "./aip-0133-http-uri-parent.js";
import aip0133HttpUriResource from "./aip-0133-http-uri-resource.js";
import aip0133MethodSignature from "./aip-0133-method-signature.js";
import aip0133RequestIdField from "./aip-0133-request-id-field.js";
import aip0133RequestMessageName from "./aip-0133-request-message-name.js";
import aip0133RequestParentBehavior from "./aip-0133-request-parent-behavior.js";
import aip0133RequestParentField from "./aip-0133-request-parent-field.js";
import aip0133RequestParentReference from "./aip-0133-request-parent-reference.js";
import aip0133RequestParentRequired from "./aip-0133-request-parent-required.js";
import aip0133RequestRequiredFields from "./aip-0133-request-required-fields.js";
import aip0133RequestRequiredFieldsTypes from "./aip-0133-request-required-fields-types.js";
import aip0133RequestResourceBehavior from "./aip-0133-request-resource-behavior.js";
import aip0133RequestResourceField from "./aip-0133-request-resource-field.js";
import aip0133RequestUnknownFields from "./aip-0133-request-unknown-fields.js";
import aip0133ResourceReferenceType from "./aip-0133-resource-reference-type.js";
import aip0133ResponseLro from "./aip-0133-response-lro.js";
import aip0133ResponseMessageName from "./aip-0133-response-message-name.js";
import aip0133Synonyms from "./aip-0133-synonyms.js";
import aip0134HttpBody from "./aip-0134-http-body.js";
import aip0134HttpMethod from "./aip-0134-http-method.js";
import aip0134HttpUriName from "./aip-0134-http-uri-name.js";
import aip0134MethodSignature from "./aip-0134-method-signature.js";
import aip0134RequestAllowMissingField from "./aip-0134-request-allow-missing-field.js";
import aip0134RequestMaskField from "./aip-0134-request-mask-field.js";
import aip0134RequestMaskRequired from "./aip-0134-request-mask-required.js";
import aip0134RequestMessageName from "./aip-0134-request-message-name.js";
import aip0134RequestRequiredFields from "./aip-0134-request-required-fields.js";
import aip0134RequestResourceField from "./aip-0134-request-resource-field.js";
import aip0134RequestResourceRequired from "./aip-0134-request-resource-required.js";
import aip0134RequestUnknownFields from "./aip-0134-request-unknown-fields.js";
import aip0134ResponseLro from "./aip-0134-response-lro.js";
import aip0134ResponseMessageName from "./aip-0134-response-message-name.js";
import aip0134Synonyms from "./aip-0134-synonyms.js";
import aip0134UpdateMaskOptionalBehavior from "./aip-0134-update-mask-optional-behavior.js";
import aip0135ForceField from "./aip-0135-force-field.js";
import aip0135HttpBody from "./aip-0135-http-body.js";
import aip0135HttpMethod from "./aip-0135-http-method.js";
import aip0135HttpUriName from "./aip-0135-http-uri-name.js";
import aip0135MethodSignature from "./aip-0135-method-signature.js";
import aip0135RequestForceField from "./aip-0135-request-force-field.js";
import aip0135RequestMessageName from "./aip-0135-request-message-name.js";
import aip0135RequestNameBehavior from "./aip-0135-request-name-behavior.js";
import aip0135RequestNameField from "./aip-0135-request-name-field.js";
import aip0135RequestNameReference from "./aip-0135-request-name-reference.js";
import aip0135RequestNameRequired from "./aip-0135-request-name-required.js";
import aip0135RequestRequiredFields from "./aip-0135-request-required-fields.js";
import aip0135RequestUnknownFields from "./aip-0135-request-unknown-fields.js";
import aip0135ResponseLro from "./aip-0135-response-lro.js";
import aip0135ResponseMessageName from "./aip-0135-response-message-name.js";
import aip0140Base64 from "./aip-0140-base64.js";
import aip0140LowerSnake from "./aip-0140-lower-snake.js";
import aip0140Numbers from "./aip-0140-numbers.js";
import aip0140Prepositions from "./aip-0140-prepositions.js";
import aip0140Underscores from "./aip-0140-underscores.js";
import aip0148DeclarativeFriendlyFields from "./aip-0148-declarative-friendly-fields.js";
import aip0148FieldBehavior from "./aip-0148-field-behavior.js";
import aip0148HumanNames from "./aip-0148-human-names.js";
import aip0148IpAddressFormat from "./aip-0148-ip-address-format.js";
import aip0148UidFormat from "./aip-0148-uid-format.js";
import aip0148UseUid from "./aip-0148-use-uid.js";
import aip0151LroMetadataReachable from "./aip-0151-lro-metadata-reachable.js";
import aip0151LroMetadataType from "./aip-0151-lro-metadata-type.js";
import aip0151LroResponseReachable from "./aip-0151-lro-response-reachable.js";
import aip0151LroResponseType from "./aip-0151-lro-response-type.js";
import aip0151OperationInfo from "./aip-0151-operation-info.js";
import aip0151ResponseUnary from "./aip-0151-response-unary.js";
import aip0158RequestPageSizeField from "./aip-0158-request-page-size-field.js";
import aip0158RequestPageTokenField from "./aip-0158-request-page-token-field.js";
import aip0158RequestSkipField from "./aip-0158-request-skip-field.js";
import aip0158ResponseNextPageTokenField from "./aip-0158-response-next-page-token-field.js";
import aip0158ResponsePluralFirstField from "./aip-0158-response-plural-first-field.js";
import aip0158ResponseRepeatedFirstField from "./aip-0158-response-repeated-first-field.js";
import aip0158ResponseUnary from "./aip-0158-response-unary.js";
import aip0191CsharpNamespace from "./aip-0191-csharp-namespace.js";
import aip0191FileLayout from "./aip-0191-file-layout.js";
import aip0191FileOptionConsistency from "./aip-0191-file-option-consistency.js";
import aip0191Filenames from "./aip-0191-filenames.js";
import aip0191JavaMultipleFiles from "./aip-0191-java-multiple-files.js";
import aip0191JavaOuterClassname from "./aip-0191-java-outer-classname.js";
import aip0191JavaPackage from "./aip-0191-java-package.js";
import aip0191PhpNamespace from "./aip-0191-php-namespace.js";
import aip0191ProtoPackage from "./aip-0191-proto-package.js";
import aip0191ProtoVersion from "./aip-0191-proto-version.js";
import aip0191RubyPackage from "./aip-0191-ruby-package.js";
import aip0192DeprecatedComment from "./aip-0192-deprecated-comment.js";
import aip0192HasComments from "./aip-0192-has-comments.js";
import aip0192NoHtml from "./aip-0192-no-html.js";
import aip0192NoMarkdownHeadings from "./aip-0192-no-markdown-headings.js";
import aip0192NoMarkdownTables from "./aip-0192-no-markdown-tables.js";
import aip0203FieldBehaviorRequired from "./aip-0203-field-behavior-required.js";
import aip0203ResourceIdentifierOnly from "./aip-0203-resource-identifier-only.js";
import aip0203ResourceNameIdentifier from "./aip-0203-resource-name-identifier.js";
import aip0203UnorderedListRepeated from "./aip-0203-unordered-list-repeated.js";
import aip0215ForeignTypeReference from "./aip-0215-foreign-type-reference.js";
import aip0215VersionedPackages from "./aip-0215-versioned-packages.js";

export const aipRules: readonly GovernanceRule[] = [
  aip0122NameSuffix,
  aip0123DuplicateResource,
  aip0123NameNeverOptional,
  aip0123ResourceAnnotation,
  aip0123ResourceDefinitionPattern,
  aip0123ResourceDefinitionTypeName,
  aip0123ResourceDefinitionVariables,
  aip0123ResourceNameComponentsAlternate,
  aip0123ResourceNameField,
  aip0123ResourcePattern,
  aip0123ResourcePatternPlural,
  aip0123ResourcePatternSingular,
  aip0123ResourcePlural,
  aip0123ResourceReferenceType,
  aip0123ResourceSingular,
  aip0123ResourceTypeMessage,
  aip0123ResourceTypeName,
  aip0123ResourceVariables,
  aip0126Unspecified,
  aip0126UpperSnakeValues,
  aip0127HttpAnnotation,
  aip0127HttpTemplatePattern,
  aip0127HttpTemplateSyntax,
  aip0127ResourceNameExtraction,
  aip0127UriLeadingSlash,
  aip0131HttpBody,
  aip0131HttpMethod,
  aip0131HttpUriName,
  aip0131MethodSignature,
  aip0131RequestMessageName,
  aip0131RequestNameBehavior,
  aip0131RequestNameField,
  aip0131RequestNameReference,
  aip0131RequestNameReferenceType,
  aip0131RequestNameRequired,
  aip0131RequestRequiredFields,
  aip0131RequestUnknownFields,
  aip0131ResponseMessageName,
  aip0131Synonyms,
  aip0132HttpBody,
  aip0132HttpMethod,
  aip0132HttpUriParent,
  aip0132MethodSignature,
  aip0132RequestFieldTypes,
  aip0132RequestMessageName,
  aip0132RequestParentBehavior,
  aip0132RequestParentField,
  aip0132RequestParentReference,
  aip0132RequestParentRequired,
  aip0132RequestParentValidReference,
  aip0132RequestRequiredFields,
  aip0132RequestShowDeletedRequired,
  aip0132RequestUnknownFields,
  aip0132ResourceReferenceType,
  aip0132ResponseMessageName,
  aip0132ResponseUnknownFields,
  aip0133HttpBody,
  aip0133HttpMethod,
  aip0133HttpUriParent,
  aip0133HttpUriResource,
  aip0133MethodSignature,
  aip0133RequestIdField,
  aip0133RequestMessageName,
  aip0133RequestParentBehavior,
  aip0133RequestParentField,
  aip0133RequestParentReference,
  aip0133RequestParentRequired,
  aip0133RequestRequiredFields,
  aip0133RequestRequiredFieldsTypes,
  aip0133RequestResourceBehavior,
  aip0133RequestResourceField,
  aip0133RequestUnknownFields,
  aip0133ResourceReferenceType,
  aip0133ResponseLro,
  aip0133ResponseMessageName,
  aip0133Synonyms,
  aip0134HttpBody,
  aip0134HttpMethod,
  aip0134HttpUriName,
  aip0134MethodSignature,
  aip0134RequestAllowMissingField,
  aip0134RequestMaskField,
  aip0134RequestMaskRequired,
  aip0134RequestMessageName,
  aip0134RequestRequiredFields,
  aip0134RequestResourceField,
  aip0134RequestResourceRequired,
  aip0134RequestUnknownFields,
  aip0134ResponseLro,
  aip0134ResponseMessageName,
  aip0134Synonyms,
  aip0134UpdateMaskOptionalBehavior,
  aip0135ForceField,
  aip0135HttpBody,
  aip0135HttpMethod,
  aip0135HttpUriName,
  aip0135MethodSignature,
  aip0135RequestForceField,
  aip0135RequestMessageName,
  aip0135RequestNameBehavior,
  aip0135RequestNameField,
  aip0135RequestNameReference,
  aip0135RequestNameRequired,
  aip0135RequestRequiredFields,
  aip0135RequestUnknownFields,
  aip0135ResponseLro,
  aip0135ResponseMessageName,
  aip0140Base64,
  aip0140LowerSnake,
  aip0140Numbers,
  aip0140Prepositions,
  aip0140Underscores,
  aip0148DeclarativeFriendlyFields,
  aip0148FieldBehavior,
  aip0148HumanNames,
  aip0148IpAddressFormat,
  aip0148UidFormat,
  aip0148UseUid,
  aip0151LroMetadataReachable,
  aip0151LroMetadataType,
  aip0151LroResponseReachable,
  aip0151LroResponseType,
  aip0151OperationInfo,
  aip0151ResponseUnary,
  aip0158RequestPageSizeField,
  aip0158RequestPageTokenField,
  aip0158RequestSkipField,
  aip0158ResponseNextPageTokenField,
  aip0158ResponsePluralFirstField,
  aip0158ResponseRepeatedFirstField,
  aip0158ResponseUnary,
  aip0191CsharpNamespace,
  aip0191FileLayout,
  aip0191FileOptionConsistency,
  aip0191Filenames,
  aip0191JavaMultipleFiles,
  aip0191JavaOuterClassname,
  aip0191JavaPackage,
  aip0191PhpNamespace,
  aip0191ProtoPackage,
  aip0191ProtoVersion,
  aip0191RubyPackage,
  aip0192DeprecatedComment,
  aip0192HasComments,
  aip0192NoHtml,
  aip0192NoMarkdownHeadings,
  aip0192NoMarkdownTables,
  aip0203FieldBehaviorRequired,
  aip0203ResourceIdentifierOnly,
  aip0203ResourceNameIdentifier,
  aip0203UnorderedListRepeated,
  aip0215ForeignTypeReference,
  aip0215VersionedPackages,
];
