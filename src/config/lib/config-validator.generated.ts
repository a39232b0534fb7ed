// Generated from schema/docs-verify.config.schema.json by scripts/generate-config-schema.ts: the config validator.
// Do not edit; change the schema and run `node scripts/generate-config-schema.ts`.
// @ts-nocheck
/* eslint-disable */
"use strict";
export const validate = validate10;
export default validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","title":"Config","description":"docs-verify.config.{json,yaml,yml}: what a chapter cannot say itself (placeholder values, commands to run instead of ones that need a person or a real cloud account, timeouts, setup). Every key except `chapters` can be given at the top level (for every chapter) or under `chapters.<key>`; a chapter's own values win.","type":"object","additionalProperties":false,"properties":{"$schema":{"type":"string","description":"Path or URL of this schema, for editor completion: `./node_modules/docs-verify/schema/docs-verify.config.schema.json`."},"placeholders":{"$ref":"#/definitions/placeholders"},"standIns":{"$ref":"#/definitions/standIns"},"timeouts":{"$ref":"#/definitions/TimeoutsConfig"},"outputPolicy":{"$ref":"#/definitions/OutputPolicy"},"setup":{"$ref":"#/definitions/SetupConfig"},"env":{"$ref":"#/definitions/env"},"fileEdits":{"$ref":"#/definitions/fileEdits"},"expectFailure":{"$ref":"#/definitions/expectFailure"},"tolerance":{"$ref":"#/definitions/ToleranceConfig"},"sandbox":{"$ref":"#/definitions/SandboxConfig"},"chapters":{"type":"object","description":"Overrides per chapter, keyed by the chapter's key (`chapter-7`) or file name. Maps merge key by key over the top level; the chapter's stand-ins and file edits come first.","additionalProperties":{"$ref":"#/definitions/ChapterConfig"}}},"definitions":{"ChapterConfig":{"title":"ChapterConfig","description":"The keys a chapter's entry under `chapters` may hold: the same as the top level, without `chapters`.","type":"object","additionalProperties":false,"properties":{"placeholders":{"$ref":"#/definitions/placeholders"},"standIns":{"$ref":"#/definitions/standIns"},"timeouts":{"$ref":"#/definitions/TimeoutsConfig"},"outputPolicy":{"$ref":"#/definitions/OutputPolicy"},"setup":{"$ref":"#/definitions/SetupConfig"},"env":{"$ref":"#/definitions/env"},"fileEdits":{"$ref":"#/definitions/fileEdits"},"expectFailure":{"$ref":"#/definitions/expectFailure"},"tolerance":{"$ref":"#/definitions/ToleranceConfig"},"standalone":{"type":"boolean","description":"`true`: the chapter starts from an empty sandbox (or its `setup`), not from the state the numbered chapters before it in the nav leave. Only under `chapters`.","x-expected":"true or false"}}},"placeholders":{"type":"object","description":"Values for placeholders, keyed in any style: `my project id`, `my_project_id` and `<my project id>` name the same placeholder. Without a value, docs-verify takes the doc's own example or generates one; `--set 'key=value'` wins over the file.","additionalProperties":{"type":"string","x-expected":"the value to fill in (a string)"}},"standIns":{"type":"array","description":"Commands to run differently, each with a reason the report shows. Yours come before docs-verify's own stand-ins.","items":{"$ref":"#/definitions/StandIn"}},"StandIn":{"title":"StandIn","description":"Run something else instead of a command line, or skip it: always with a reason, which the report shows.","type":"object","additionalProperties":false,"required":["match","reason"],"properties":{"match":{"type":"string","pattern":"\\S","description":"A literal command line (runs of spaces and `\\` line continuations do not matter), or a regular expression written `/.../flags`.","x-expected":"the command line to replace (literal, or /regex/)"},"run":{"type":"string","description":"What runs instead (it may span several lines). `run` and `skip` exclude each other.","x-expected":"the command to run instead"},"skip":{"type":"boolean","description":"`true` to skip the command. `run` and `skip` exclude each other.","x-expected":"true or false"},"reason":{"type":"string","pattern":"\\S","description":"Why: a browser login, a foreground server, a real cloud account.","x-expected":"why the command is replaced (the report shows it)"}},"if":{"required":["skip"],"properties":{"skip":{"enum":[true]}}},"then":{"not":{"required":["run"]},"x-message":"has both `run` and `skip: true`: keep one"},"else":{"required":["run"],"x-message":"needs `run` (what runs instead) or `skip: true`"}},"TimeoutsConfig":{"title":"TimeoutsConfig","description":"How long a step may take before it is stopped, with everything it started.","type":"object","additionalProperties":false,"properties":{"default":{"$ref":"#/definitions/seconds","description":"Seconds a step may take when nothing else says (the runner's default is 300)."},"steps":{"type":"object","description":"Seconds for one step, keyed `file.md:line` or `line`, where `line` is the line of the block's opening fence.","propertyNames":{"pattern":"^(.+:)?\\d+$","x-message":"must be `file.md:line` or `line` (the line of the step's opening fence)"},"additionalProperties":{"$ref":"#/definitions/seconds"}}}},"seconds":{"type":"number","exclusiveMinimum":0,"x-expected":"a number of seconds greater than 0"},"SandboxConfig":{"title":"SandboxConfig","description":"Where steps run, top level only (one sandbox per chain of chapters): the isolation mode and the hosts steps may reach. See the sandbox reference.","type":"object","additionalProperties":false,"properties":{"mode":{"enum":["auto","bwrap","none"],"default":"auto","description":"`auto`: bubblewrap when it works on this machine, else none (said in one line); `bwrap`: always, or an error; `none`: not isolated (the report says so). `--sandbox` wins.","x-expected":"\"auto\", \"bwrap\" or \"none\""},"allowHosts":{"type":"array","description":"Hosts steps may reach besides the package registries: `github.com`, `*.example.org` (its subdomains), `host:port`, `127.0.0.1:8080` (a server on this machine). The real cloud's endpoints are refused whatever this says.","items":{"type":"string","pattern":"^((\\*\\.)?[A-Za-z0-9.-]+|\\[[0-9a-fA-F:]+\\])(:[0-9]+)?$","x-expected":"a host name, `*.domain` or `host:port` (no scheme, no path)"}}}},"OutputPolicy":{"title":"OutputPolicy","description":"How strictly printed output is compared with the doc.","type":"object","additionalProperties":false,"properties":{"extraLines":{"enum":["warn","fail"],"default":"warn","description":"A line the command printed but the doc does not show: `warn` (the check passes with a warning) or `fail`.","x-expected":"\"warn\" or \"fail\""}}},"SetupConfig":{"title":"SetupConfig","description":"Prepares the sandbox before the chapter's first step.","type":"object","additionalProperties":false,"properties":{"script":{"type":"string","pattern":"\\S","description":"Shell commands run in the sandbox's working directory before the chapter's first step.","x-expected":"shell commands (a string)"},"copyDir":{"type":"string","pattern":"\\S","description":"A directory, relative to the configuration file, copied into the working directory first: the state an earlier chapter would leave.","x-expected":"a directory path relative to the config file"}}},"env":{"type":"object","description":"Environment variables for every step, as strings.","propertyNames":{"pattern":"^[A-Za-z_][A-Za-z0-9_]*$","x-message":"is not a shell variable name: use letters, digits and _, not starting with a digit"},"additionalProperties":{"type":"string","x-expected":"the variable's value (a string)"}},"expectFailure":{"type":"array","description":"Command blocks the doc shows failing, keyed `file.md:line` or `line` (the line of the block's opening fence): the block passes only when it exits non-zero, and its expected output is still compared.","items":{"type":"string","pattern":"^(.+:)?\\d+$","x-expected":"a string `file.md:line` or `line` (the line of the step's opening fence, quoted)"}},"NumberTolerance":{"title":"NumberTolerance","description":"How far a decimal number may be from the doc's: within `absolute`, or within `relative` times the doc's value.","type":"object","additionalProperties":false,"properties":{"relative":{"type":"number","minimum":0,"description":"A fraction of the doc's value: `0.1` is 10 %.","x-expected":"a number of 0 or more (0.1 is 10 %)"},"absolute":{"type":"number","minimum":0,"description":"A difference in the value's own unit.","x-expected":"a number of 0 or more (in the unit of the value)"}}},"ToleranceConfig":{"title":"ToleranceConfig","description":"How far decimal numbers in expected outputs (metrics, losses) may be from the doc's and still be similar; without it they are compared as written.","type":"object","additionalProperties":false,"properties":{"relative":{"type":"number","minimum":0,"description":"A fraction of the doc's value: `0.1` is 10 %.","x-expected":"a number of 0 or more (0.1 is 10 %)"},"absolute":{"type":"number","minimum":0,"description":"A difference in the value's own unit.","x-expected":"a number of 0 or more (in the unit of the value)"},"steps":{"type":"object","description":"A tolerance for one expected-output block, keyed `file.md:line` or `line` of its opening fence; wins over the chapter's.","propertyNames":{"pattern":"^(.+:)?\\d+$","x-message":"must be `file.md:line` or `line` (the line of the step's opening fence)"},"additionalProperties":{"$ref":"#/definitions/NumberTolerance"}}}},"fileEdits":{"type":"array","description":"For a block that shows only part of a file (\"Add the following lines ...\"): the whole content of the file after the change.","items":{"$ref":"#/definitions/FileEdit"}},"FileEdit":{"title":"FileEdit","description":"The whole content of a file a partial or display block changes.","type":"object","additionalProperties":false,"required":["path","content","reason"],"properties":{"path":{"type":"string","pattern":"\\S","description":"The file's path as the doc titles it.","x-expected":"the file path as the doc titles it"},"content":{"type":"string","description":"The whole file content after the change.","x-expected":"the whole file content after the change (a string)"},"reason":{"type":"string","pattern":"\\S","description":"Why the file is replaced (the report shows it).","x-expected":"why the file is replaced (the report shows it)"}}}}};
const schema12 = {"type":"object","description":"Values for placeholders, keyed in any style: `my project id`, `my_project_id` and `<my project id>` name the same placeholder. Without a value, docs-verify takes the doc's own example or generates one; `--set 'key=value'` wins over the file.","additionalProperties":{"type":"string","x-expected":"the value to fill in (a string)"}};
const schema18 = {"title":"OutputPolicy","description":"How strictly printed output is compared with the doc.","type":"object","additionalProperties":false,"properties":{"extraLines":{"enum":["warn","fail"],"default":"warn","description":"A line the command printed but the doc does not show: `warn` (the check passes with a warning) or `fail`.","x-expected":"\"warn\" or \"fail\""}}};
const schema19 = {"title":"SetupConfig","description":"Prepares the sandbox before the chapter's first step.","type":"object","additionalProperties":false,"properties":{"script":{"type":"string","pattern":"\\S","description":"Shell commands run in the sandbox's working directory before the chapter's first step.","x-expected":"shell commands (a string)"},"copyDir":{"type":"string","pattern":"\\S","description":"A directory, relative to the configuration file, copied into the working directory first: the state an earlier chapter would leave.","x-expected":"a directory path relative to the config file"}}};
const schema20 = {"type":"object","description":"Environment variables for every step, as strings.","propertyNames":{"pattern":"^[A-Za-z_][A-Za-z0-9_]*$","x-message":"is not a shell variable name: use letters, digits and _, not starting with a digit"},"additionalProperties":{"type":"string","x-expected":"the variable's value (a string)"}};
const schema23 = {"type":"array","description":"Command blocks the doc shows failing, keyed `file.md:line` or `line` (the line of the block's opening fence): the block passes only when it exits non-zero, and its expected output is still compared.","items":{"type":"string","pattern":"^(.+:)?\\d+$","x-expected":"a string `file.md:line` or `line` (the line of the step's opening fence, quoted)"}};
const schema26 = {"title":"SandboxConfig","description":"Where steps run, top level only (one sandbox per chain of chapters): the isolation mode and the hosts steps may reach. See the sandbox reference.","type":"object","additionalProperties":false,"properties":{"mode":{"enum":["auto","bwrap","none"],"default":"auto","description":"`auto`: bubblewrap when it works on this machine, else none (said in one line); `bwrap`: always, or an error; `none`: not isolated (the report says so). `--sandbox` wins.","x-expected":"\"auto\", \"bwrap\" or \"none\""},"allowHosts":{"type":"array","description":"Hosts steps may reach besides the package registries: `github.com`, `*.example.org` (its subdomains), `host:port`, `127.0.0.1:8080` (a server on this machine). The real cloud's endpoints are refused whatever this says.","items":{"type":"string","pattern":"^((\\*\\.)?[A-Za-z0-9.-]+|\\[[0-9a-fA-F:]+\\])(:[0-9]+)?$","x-expected":"a host name, `*.domain` or `host:port` (no scheme, no path)"}}}};
const func2 = Object.prototype.hasOwnProperty;
const schema13 = {"type":"array","description":"Commands to run differently, each with a reason the report shows. Yours come before docs-verify's own stand-ins.","items":{"$ref":"#/definitions/StandIn"}};
const schema14 = {"title":"StandIn","description":"Run something else instead of a command line, or skip it: always with a reason, which the report shows.","type":"object","additionalProperties":false,"required":["match","reason"],"properties":{"match":{"type":"string","pattern":"\\S","description":"A literal command line (runs of spaces and `\\` line continuations do not matter), or a regular expression written `/.../flags`.","x-expected":"the command line to replace (literal, or /regex/)"},"run":{"type":"string","description":"What runs instead (it may span several lines). `run` and `skip` exclude each other.","x-expected":"the command to run instead"},"skip":{"type":"boolean","description":"`true` to skip the command. `run` and `skip` exclude each other.","x-expected":"true or false"},"reason":{"type":"string","pattern":"\\S","description":"Why: a browser login, a foreground server, a real cloud account.","x-expected":"why the command is replaced (the report shows it)"}},"if":{"required":["skip"],"properties":{"skip":{"enum":[true]}}},"then":{"not":{"required":["run"]},"x-message":"has both `run` and `skip: true`: keep one"},"else":{"required":["run"],"x-message":"needs `run` (what runs instead) or `skip: true`"}};
const pattern0 = new RegExp("\\S", "u");

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
const _errs4 = errors;
let valid3 = true;
const _errs5 = errors;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
let missing0;
if((data0.skip === undefined) && (missing0 = "skip")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data0.skip !== undefined){
if(!(data0.skip === true)){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs5 === errors;
errors = _errs4;
if(vErrors !== null){
if(_errs4){
vErrors.length = _errs4;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs7 = errors;
const _errs8 = errors;
const _errs9 = errors;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
let missing1;
if((data0.run === undefined) && (missing1 = "run")){
const err2 = {};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var valid5 = _errs9 === errors;
if(valid5){
const err3 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/StandIn/then/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema14.then.not,parentSchema:schema14.then,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
}
var _valid0 = _errs7 === errors;
valid3 = _valid0;
ifClause0 = "then";
}
else {
const _errs10 = errors;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.run === undefined){
const err4 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/StandIn/else/required",keyword:"required",params:{missingProperty: "run"},message:"must have required property '"+"run"+"'",schema:schema14.else.required,parentSchema:schema14.else,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
valid3 = _valid0;
ifClause0 = "else";
}
if(!valid3){
const err5 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/StandIn/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema14.if,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.match === undefined){
const err6 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/StandIn/required",keyword:"required",params:{missingProperty: "match"},message:"must have required property '"+"match"+"'",schema:schema14.required,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data0.reason === undefined){
const err7 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/StandIn/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema14.required,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
for(const key0 in data0){
if(!((((key0 === "match") || (key0 === "run")) || (key0 === "skip")) || (key0 === "reason"))){
const err8 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/StandIn/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data0.match !== undefined){
let data2 = data0.match;
if(typeof data2 !== "string"){
let dataType0 = typeof data2;
let coerced0 = undefined;
if(!(coerced0 !== undefined)){
if(dataType0 == "number" || dataType0 == "boolean"){
coerced0 = "" + data2;
}
else if(data2 === null){
coerced0 = "";
}
else {
const err9 = {instancePath:instancePath+"/" + i0+"/match",schemaPath:"#/definitions/StandIn/properties/match/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.match.type,parentSchema:schema14.properties.match,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(coerced0 !== undefined){
data2 = coerced0;
if(data0 !== undefined){
data0["match"] = coerced0;
}
}
}
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err10 = {instancePath:instancePath+"/" + i0+"/match",schemaPath:"#/definitions/StandIn/properties/match/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema14.properties.match,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
if(data0.run !== undefined){
let data3 = data0.run;
if(typeof data3 !== "string"){
let dataType1 = typeof data3;
let coerced1 = undefined;
if(!(coerced1 !== undefined)){
if(dataType1 == "number" || dataType1 == "boolean"){
coerced1 = "" + data3;
}
else if(data3 === null){
coerced1 = "";
}
else {
const err11 = {instancePath:instancePath+"/" + i0+"/run",schemaPath:"#/definitions/StandIn/properties/run/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.run.type,parentSchema:schema14.properties.run,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(coerced1 !== undefined){
data3 = coerced1;
if(data0 !== undefined){
data0["run"] = coerced1;
}
}
}
}
if(data0.skip !== undefined){
let data4 = data0.skip;
if(typeof data4 !== "boolean"){
let coerced2 = undefined;
if(!(coerced2 !== undefined)){
if(data4 === "false" || data4 === 0 || data4 === null){
coerced2 = false;
}
else if(data4 === "true" || data4 === 1){
coerced2 = true;
}
else {
const err12 = {instancePath:instancePath+"/" + i0+"/skip",schemaPath:"#/definitions/StandIn/properties/skip/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema14.properties.skip.type,parentSchema:schema14.properties.skip,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(coerced2 !== undefined){
data4 = coerced2;
if(data0 !== undefined){
data0["skip"] = coerced2;
}
}
}
}
if(data0.reason !== undefined){
let data5 = data0.reason;
if(typeof data5 !== "string"){
let dataType3 = typeof data5;
let coerced3 = undefined;
if(!(coerced3 !== undefined)){
if(dataType3 == "number" || dataType3 == "boolean"){
coerced3 = "" + data5;
}
else if(data5 === null){
coerced3 = "";
}
else {
const err13 = {instancePath:instancePath+"/" + i0+"/reason",schemaPath:"#/definitions/StandIn/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.reason.type,parentSchema:schema14.properties.reason,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(coerced3 !== undefined){
data5 = coerced3;
if(data0 !== undefined){
data0["reason"] = coerced3;
}
}
}
if(typeof data5 === "string"){
if(!pattern0.test(data5)){
const err14 = {instancePath:instancePath+"/" + i0+"/reason",schemaPath:"#/definitions/StandIn/properties/reason/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema14.properties.reason,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
}
else {
const err15 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/StandIn/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.type,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

const schema15 = {"title":"TimeoutsConfig","description":"How long a step may take before it is stopped, with everything it started.","type":"object","additionalProperties":false,"properties":{"default":{"$ref":"#/definitions/seconds","description":"Seconds a step may take when nothing else says (the runner's default is 300)."},"steps":{"type":"object","description":"Seconds for one step, keyed `file.md:line` or `line`, where `line` is the line of the block's opening fence.","propertyNames":{"pattern":"^(.+:)?\\d+$","x-message":"must be `file.md:line` or `line` (the line of the step's opening fence)"},"additionalProperties":{"$ref":"#/definitions/seconds"}}}};
const schema16 = {"type":"number","exclusiveMinimum":0,"x-expected":"a number of seconds greater than 0"};
const pattern2 = new RegExp("^(.+:)?\\d+$", "u");

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((key0 === "default") || (key0 === "steps"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.default !== undefined){
let data0 = data.default;
if(!((typeof data0 == "number") && (isFinite(data0)))){
let dataType0 = typeof data0;
let coerced0 = undefined;
if(!(coerced0 !== undefined)){
if(dataType0 == "boolean" || data0 === null
              || (dataType0 == "string" && data0 && data0 == +data0)){
coerced0 = +data0;
}
else {
const err1 = {instancePath:instancePath+"/default",schemaPath:"#/definitions/seconds/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.type,parentSchema:schema16,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(coerced0 !== undefined){
data0 = coerced0;
if(data !== undefined){
data["default"] = coerced0;
}
}
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 <= 0 || isNaN(data0)){
const err2 = {instancePath:instancePath+"/default",schemaPath:"#/definitions/seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema16,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
if(data.steps !== undefined){
let data1 = data.steps;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
const _errs7 = errors;
if(typeof key1 === "string"){
if(!pattern2.test(key1)){
const err3 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/propertyNames/pattern",keyword:"pattern",params:{pattern: "^(.+:)?\\d+$"},message:"must match pattern \""+"^(.+:)?\\d+$"+"\"",schema:"^(.+:)?\\d+$",parentSchema:schema15.properties.steps.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
var valid2 = _errs7 === errors;
if(!valid2){
const err4 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema15.properties.steps.propertyNames,parentSchema:schema15.properties.steps,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
for(const key2 in data1){
let data2 = data1[key2];
if(!((typeof data2 == "number") && (isFinite(data2)))){
let dataType1 = typeof data2;
let coerced1 = undefined;
if(!(coerced1 !== undefined)){
if(dataType1 == "boolean" || data2 === null
              || (dataType1 == "string" && data2 && data2 == +data2)){
coerced1 = +data2;
}
else {
const err5 = {instancePath:instancePath+"/steps/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/seconds/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.type,parentSchema:schema16,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(coerced1 !== undefined){
data2 = coerced1;
if(data1 !== undefined){
data1[key2] = coerced1;
}
}
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 <= 0 || isNaN(data2)){
const err6 = {instancePath:instancePath+"/steps/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema16,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
}
else {
const err7 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.properties.steps.type,parentSchema:schema15.properties.steps,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.type,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate13.errors = vErrors;
return errors === 0;
}

const schema21 = {"type":"array","description":"For a block that shows only part of a file (\"Add the following lines ...\"): the whole content of the file after the change.","items":{"$ref":"#/definitions/FileEdit"}};
const schema22 = {"title":"FileEdit","description":"The whole content of a file a partial or display block changes.","type":"object","additionalProperties":false,"required":["path","content","reason"],"properties":{"path":{"type":"string","pattern":"\\S","description":"The file's path as the doc titles it.","x-expected":"the file path as the doc titles it"},"content":{"type":"string","description":"The whole file content after the change.","x-expected":"the whole file content after the change (a string)"},"reason":{"type":"string","pattern":"\\S","description":"Why the file is replaced (the report shows it).","x-expected":"why the file is replaced (the report shows it)"}}};

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.path === undefined){
const err0 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/FileEdit/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema22.required,parentSchema:schema22,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0.content === undefined){
const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/FileEdit/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'",schema:schema22.required,parentSchema:schema22,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data0.reason === undefined){
const err2 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/FileEdit/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema22.required,parentSchema:schema22,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data0){
if(!(((key0 === "path") || (key0 === "content")) || (key0 === "reason"))){
const err3 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/FileEdit/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema22,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data0.path !== undefined){
let data1 = data0.path;
if(typeof data1 !== "string"){
let dataType0 = typeof data1;
let coerced0 = undefined;
if(!(coerced0 !== undefined)){
if(dataType0 == "number" || dataType0 == "boolean"){
coerced0 = "" + data1;
}
else if(data1 === null){
coerced0 = "";
}
else {
const err4 = {instancePath:instancePath+"/" + i0+"/path",schemaPath:"#/definitions/FileEdit/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.path.type,parentSchema:schema22.properties.path,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(coerced0 !== undefined){
data1 = coerced0;
if(data0 !== undefined){
data0["path"] = coerced0;
}
}
}
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err5 = {instancePath:instancePath+"/" + i0+"/path",schemaPath:"#/definitions/FileEdit/properties/path/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema22.properties.path,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
if(data0.content !== undefined){
let data2 = data0.content;
if(typeof data2 !== "string"){
let dataType1 = typeof data2;
let coerced1 = undefined;
if(!(coerced1 !== undefined)){
if(dataType1 == "number" || dataType1 == "boolean"){
coerced1 = "" + data2;
}
else if(data2 === null){
coerced1 = "";
}
else {
const err6 = {instancePath:instancePath+"/" + i0+"/content",schemaPath:"#/definitions/FileEdit/properties/content/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.content.type,parentSchema:schema22.properties.content,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(coerced1 !== undefined){
data2 = coerced1;
if(data0 !== undefined){
data0["content"] = coerced1;
}
}
}
}
if(data0.reason !== undefined){
let data3 = data0.reason;
if(typeof data3 !== "string"){
let dataType2 = typeof data3;
let coerced2 = undefined;
if(!(coerced2 !== undefined)){
if(dataType2 == "number" || dataType2 == "boolean"){
coerced2 = "" + data3;
}
else if(data3 === null){
coerced2 = "";
}
else {
const err7 = {instancePath:instancePath+"/" + i0+"/reason",schemaPath:"#/definitions/FileEdit/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.reason.type,parentSchema:schema22.properties.reason,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(coerced2 !== undefined){
data3 = coerced2;
if(data0 !== undefined){
data0["reason"] = coerced2;
}
}
}
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
const err8 = {instancePath:instancePath+"/" + i0+"/reason",schemaPath:"#/definitions/FileEdit/properties/reason/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema22.properties.reason,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
}
else {
const err9 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/FileEdit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.type,parentSchema:schema22,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema21.type,parentSchema:schema21,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
validate15.errors = vErrors;
return errors === 0;
}

const schema24 = {"title":"ToleranceConfig","description":"How far decimal numbers in expected outputs (metrics, losses) may be from the doc's and still be similar; without it they are compared as written.","type":"object","additionalProperties":false,"properties":{"relative":{"type":"number","minimum":0,"description":"A fraction of the doc's value: `0.1` is 10 %.","x-expected":"a number of 0 or more (0.1 is 10 %)"},"absolute":{"type":"number","minimum":0,"description":"A difference in the value's own unit.","x-expected":"a number of 0 or more (in the unit of the value)"},"steps":{"type":"object","description":"A tolerance for one expected-output block, keyed `file.md:line` or `line` of its opening fence; wins over the chapter's.","propertyNames":{"pattern":"^(.+:)?\\d+$","x-message":"must be `file.md:line` or `line` (the line of the step's opening fence)"},"additionalProperties":{"$ref":"#/definitions/NumberTolerance"}}}};
const schema25 = {"title":"NumberTolerance","description":"How far a decimal number may be from the doc's: within `absolute`, or within `relative` times the doc's value.","type":"object","additionalProperties":false,"properties":{"relative":{"type":"number","minimum":0,"description":"A fraction of the doc's value: `0.1` is 10 %.","x-expected":"a number of 0 or more (0.1 is 10 %)"},"absolute":{"type":"number","minimum":0,"description":"A difference in the value's own unit.","x-expected":"a number of 0 or more (in the unit of the value)"}}};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((key0 === "relative") || (key0 === "absolute")) || (key0 === "steps"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema24,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.relative !== undefined){
let data0 = data.relative;
if(!((typeof data0 == "number") && (isFinite(data0)))){
let dataType0 = typeof data0;
let coerced0 = undefined;
if(!(coerced0 !== undefined)){
if(dataType0 == "boolean" || data0 === null
              || (dataType0 == "string" && data0 && data0 == +data0)){
coerced0 = +data0;
}
else {
const err1 = {instancePath:instancePath+"/relative",schemaPath:"#/properties/relative/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema24.properties.relative.type,parentSchema:schema24.properties.relative,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(coerced0 !== undefined){
data0 = coerced0;
if(data !== undefined){
data["relative"] = coerced0;
}
}
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
const err2 = {instancePath:instancePath+"/relative",schemaPath:"#/properties/relative/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.relative,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
if(data.absolute !== undefined){
let data1 = data.absolute;
if(!((typeof data1 == "number") && (isFinite(data1)))){
let dataType1 = typeof data1;
let coerced1 = undefined;
if(!(coerced1 !== undefined)){
if(dataType1 == "boolean" || data1 === null
              || (dataType1 == "string" && data1 && data1 == +data1)){
coerced1 = +data1;
}
else {
const err3 = {instancePath:instancePath+"/absolute",schemaPath:"#/properties/absolute/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema24.properties.absolute.type,parentSchema:schema24.properties.absolute,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(coerced1 !== undefined){
data1 = coerced1;
if(data !== undefined){
data["absolute"] = coerced1;
}
}
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/absolute",schemaPath:"#/properties/absolute/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.absolute,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
if(data.steps !== undefined){
let data2 = data.steps;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
const _errs8 = errors;
if(typeof key1 === "string"){
if(!pattern2.test(key1)){
const err5 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/propertyNames/pattern",keyword:"pattern",params:{pattern: "^(.+:)?\\d+$"},message:"must match pattern \""+"^(.+:)?\\d+$"+"\"",schema:"^(.+:)?\\d+$",parentSchema:schema24.properties.steps.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var valid1 = _errs8 === errors;
if(!valid1){
const err6 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema24.properties.steps.propertyNames,parentSchema:schema24.properties.steps,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
for(const key2 in data2){
let data3 = data2[key2];
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key3 in data3){
if(!((key3 === "relative") || (key3 === "absolute"))){
const err7 = {instancePath:instancePath+"/steps/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/NumberTolerance/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema25,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data3.relative !== undefined){
let data4 = data3.relative;
if(!((typeof data4 == "number") && (isFinite(data4)))){
let dataType2 = typeof data4;
let coerced2 = undefined;
if(!(coerced2 !== undefined)){
if(dataType2 == "boolean" || data4 === null
              || (dataType2 == "string" && data4 && data4 == +data4)){
coerced2 = +data4;
}
else {
const err8 = {instancePath:instancePath+"/steps/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/relative",schemaPath:"#/definitions/NumberTolerance/properties/relative/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema25.properties.relative.type,parentSchema:schema25.properties.relative,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(coerced2 !== undefined){
data4 = coerced2;
if(data3 !== undefined){
data3["relative"] = coerced2;
}
}
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
const err9 = {instancePath:instancePath+"/steps/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/relative",schemaPath:"#/definitions/NumberTolerance/properties/relative/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema25.properties.relative,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data3.absolute !== undefined){
let data5 = data3.absolute;
if(!((typeof data5 == "number") && (isFinite(data5)))){
let dataType3 = typeof data5;
let coerced3 = undefined;
if(!(coerced3 !== undefined)){
if(dataType3 == "boolean" || data5 === null
              || (dataType3 == "string" && data5 && data5 == +data5)){
coerced3 = +data5;
}
else {
const err10 = {instancePath:instancePath+"/steps/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/absolute",schemaPath:"#/definitions/NumberTolerance/properties/absolute/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema25.properties.absolute.type,parentSchema:schema25.properties.absolute,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(coerced3 !== undefined){
data5 = coerced3;
if(data3 !== undefined){
data3["absolute"] = coerced3;
}
}
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err11 = {instancePath:instancePath+"/steps/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/absolute",schemaPath:"#/definitions/NumberTolerance/properties/absolute/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema25.properties.absolute,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
}
else {
const err12 = {instancePath:instancePath+"/steps/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/NumberTolerance/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.type,parentSchema:schema25,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.properties.steps.type,parentSchema:schema24.properties.steps,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate17.errors = vErrors;
return errors === 0;
}

const schema27 = {"title":"ChapterConfig","description":"The keys a chapter's entry under `chapters` may hold: the same as the top level, without `chapters`.","type":"object","additionalProperties":false,"properties":{"placeholders":{"$ref":"#/definitions/placeholders"},"standIns":{"$ref":"#/definitions/standIns"},"timeouts":{"$ref":"#/definitions/TimeoutsConfig"},"outputPolicy":{"$ref":"#/definitions/OutputPolicy"},"setup":{"$ref":"#/definitions/SetupConfig"},"env":{"$ref":"#/definitions/env"},"fileEdits":{"$ref":"#/definitions/fileEdits"},"expectFailure":{"$ref":"#/definitions/expectFailure"},"tolerance":{"$ref":"#/definitions/ToleranceConfig"},"standalone":{"type":"boolean","description":"`true`: the chapter starts from an empty sandbox (or its `setup`), not from the state the numbered chapters before it in the nav leave. Only under `chapters`.","x-expected":"true or false"}}};
const pattern5 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema27.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema27,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.placeholders !== undefined){
let data0 = data.placeholders;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key1 in data0){
let data1 = data0[key1];
if(typeof data1 !== "string"){
let dataType0 = typeof data1;
let coerced0 = undefined;
if(!(coerced0 !== undefined)){
if(dataType0 == "number" || dataType0 == "boolean"){
coerced0 = "" + data1;
}
else if(data1 === null){
coerced0 = "";
}
else {
const err1 = {instancePath:instancePath+"/placeholders/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/placeholders/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.additionalProperties.type,parentSchema:schema12.additionalProperties,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(coerced0 !== undefined){
data1 = coerced0;
if(data0 !== undefined){
data0[key1] = coerced0;
}
}
}
}
}
else {
const err2 = {instancePath:instancePath+"/placeholders",schemaPath:"#/definitions/placeholders/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.standIns !== undefined){
if(!(validate11(data.standIns, {instancePath:instancePath+"/standIns",parentData:data,parentDataProperty:"standIns",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data.timeouts !== undefined){
if(!(validate13(data.timeouts, {instancePath:instancePath+"/timeouts",parentData:data,parentDataProperty:"timeouts",rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
}
if(data.outputPolicy !== undefined){
let data4 = data.outputPolicy;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.extraLines === undefined){
data4.extraLines = "warn";
}
for(const key2 in data4){
if(!(key2 === "extraLines")){
const err3 = {instancePath:instancePath+"/outputPolicy",schemaPath:"#/definitions/OutputPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema18,data:data4};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
let data5 = data4.extraLines;
if(!((data5 === "warn") || (data5 === "fail"))){
const err4 = {instancePath:instancePath+"/outputPolicy/extraLines",schemaPath:"#/definitions/OutputPolicy/properties/extraLines/enum",keyword:"enum",params:{allowedValues: schema18.properties.extraLines.enum},message:"must be equal to one of the allowed values",schema:schema18.properties.extraLines.enum,parentSchema:schema18.properties.extraLines,data:data5};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/outputPolicy",schemaPath:"#/definitions/OutputPolicy/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema18.type,parentSchema:schema18,data:data4};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.setup !== undefined){
let data6 = data.setup;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key3 in data6){
if(!((key3 === "script") || (key3 === "copyDir"))){
const err6 = {instancePath:instancePath+"/setup",schemaPath:"#/definitions/SetupConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema19,data:data6};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data6.script !== undefined){
let data7 = data6.script;
if(typeof data7 !== "string"){
let dataType1 = typeof data7;
let coerced1 = undefined;
if(!(coerced1 !== undefined)){
if(dataType1 == "number" || dataType1 == "boolean"){
coerced1 = "" + data7;
}
else if(data7 === null){
coerced1 = "";
}
else {
const err7 = {instancePath:instancePath+"/setup/script",schemaPath:"#/definitions/SetupConfig/properties/script/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.script.type,parentSchema:schema19.properties.script,data:data7};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(coerced1 !== undefined){
data7 = coerced1;
if(data6 !== undefined){
data6["script"] = coerced1;
}
}
}
if(typeof data7 === "string"){
if(!pattern0.test(data7)){
const err8 = {instancePath:instancePath+"/setup/script",schemaPath:"#/definitions/SetupConfig/properties/script/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema19.properties.script,data:data7};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
if(data6.copyDir !== undefined){
let data8 = data6.copyDir;
if(typeof data8 !== "string"){
let dataType2 = typeof data8;
let coerced2 = undefined;
if(!(coerced2 !== undefined)){
if(dataType2 == "number" || dataType2 == "boolean"){
coerced2 = "" + data8;
}
else if(data8 === null){
coerced2 = "";
}
else {
const err9 = {instancePath:instancePath+"/setup/copyDir",schemaPath:"#/definitions/SetupConfig/properties/copyDir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.copyDir.type,parentSchema:schema19.properties.copyDir,data:data8};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(coerced2 !== undefined){
data8 = coerced2;
if(data6 !== undefined){
data6["copyDir"] = coerced2;
}
}
}
if(typeof data8 === "string"){
if(!pattern0.test(data8)){
const err10 = {instancePath:instancePath+"/setup/copyDir",schemaPath:"#/definitions/SetupConfig/properties/copyDir/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema19.properties.copyDir,data:data8};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
}
else {
const err11 = {instancePath:instancePath+"/setup",schemaPath:"#/definitions/SetupConfig/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.type,parentSchema:schema19,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.env !== undefined){
let data9 = data.env;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key4 in data9){
const _errs26 = errors;
if(typeof key4 === "string"){
if(!pattern5.test(key4)){
const err12 = {instancePath:instancePath+"/env",schemaPath:"#/definitions/env/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema20.propertyNames,data:key4,propertyName:key4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
var valid8 = _errs26 === errors;
if(!valid8){
const err13 = {instancePath:instancePath+"/env",schemaPath:"#/definitions/env/propertyNames",keyword:"propertyNames",params:{propertyName: key4},message:"property name must be valid",schema:schema20.propertyNames,parentSchema:schema20,data:data9};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
for(const key5 in data9){
let data10 = data9[key5];
if(typeof data10 !== "string"){
let dataType3 = typeof data10;
let coerced3 = undefined;
if(!(coerced3 !== undefined)){
if(dataType3 == "number" || dataType3 == "boolean"){
coerced3 = "" + data10;
}
else if(data10 === null){
coerced3 = "";
}
else {
const err14 = {instancePath:instancePath+"/env/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/env/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.additionalProperties.type,parentSchema:schema20.additionalProperties,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(coerced3 !== undefined){
data10 = coerced3;
if(data9 !== undefined){
data9[key5] = coerced3;
}
}
}
}
}
else {
const err15 = {instancePath:instancePath+"/env",schemaPath:"#/definitions/env/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema20.type,parentSchema:schema20,data:data9};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.fileEdits !== undefined){
if(!(validate15(data.fileEdits, {instancePath:instancePath+"/fileEdits",parentData:data,parentDataProperty:"fileEdits",rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
}
if(data.expectFailure !== undefined){
let data12 = data.expectFailure;
if(Array.isArray(data12)){
const len0 = data12.length;
for(let i0=0; i0<len0; i0++){
let data13 = data12[i0];
if(typeof data13 !== "string"){
let dataType4 = typeof data13;
let coerced4 = undefined;
if(!(coerced4 !== undefined)){
if(dataType4 == "number" || dataType4 == "boolean"){
coerced4 = "" + data13;
}
else if(data13 === null){
coerced4 = "";
}
else {
const err16 = {instancePath:instancePath+"/expectFailure/" + i0,schemaPath:"#/definitions/expectFailure/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.items.type,parentSchema:schema23.items,data:data13};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(coerced4 !== undefined){
data13 = coerced4;
if(data12 !== undefined){
data12[i0] = coerced4;
}
}
}
if(typeof data13 === "string"){
if(!pattern2.test(data13)){
const err17 = {instancePath:instancePath+"/expectFailure/" + i0,schemaPath:"#/definitions/expectFailure/items/pattern",keyword:"pattern",params:{pattern: "^(.+:)?\\d+$"},message:"must match pattern \""+"^(.+:)?\\d+$"+"\"",schema:"^(.+:)?\\d+$",parentSchema:schema23.items,data:data13};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
}
else {
const err18 = {instancePath:instancePath+"/expectFailure",schemaPath:"#/definitions/expectFailure/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema23.type,parentSchema:schema23,data:data12};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.tolerance !== undefined){
if(!(validate17(data.tolerance, {instancePath:instancePath+"/tolerance",parentData:data,parentDataProperty:"tolerance",rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
}
if(data.standalone !== undefined){
let data15 = data.standalone;
if(typeof data15 !== "boolean"){
let coerced5 = undefined;
if(!(coerced5 !== undefined)){
if(data15 === "false" || data15 === 0 || data15 === null){
coerced5 = false;
}
else if(data15 === "true" || data15 === 1){
coerced5 = true;
}
else {
const err19 = {instancePath:instancePath+"/standalone",schemaPath:"#/properties/standalone/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema27.properties.standalone.type,parentSchema:schema27.properties.standalone,data:data15};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(coerced5 !== undefined){
data15 = coerced5;
if(data !== undefined){
data["standalone"] = coerced5;
}
}
}
}
}
else {
const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema27.type,parentSchema:schema27,data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
validate19.errors = vErrors;
return errors === 0;
}

const pattern10 = new RegExp("^((\\*\\.)?[A-Za-z0-9.-]+|\\[[0-9a-fA-F:]+\\])(:[0-9]+)?$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
let dataType0 = typeof data0;
let coerced0 = undefined;
if(!(coerced0 !== undefined)){
if(dataType0 == "number" || dataType0 == "boolean"){
coerced0 = "" + data0;
}
else if(data0 === null){
coerced0 = "";
}
else {
const err1 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.$schema.type,parentSchema:schema11.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(coerced0 !== undefined){
data0 = coerced0;
if(data !== undefined){
data["$schema"] = coerced0;
}
}
}
}
if(data.placeholders !== undefined){
let data1 = data.placeholders;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
let data2 = data1[key1];
if(typeof data2 !== "string"){
let dataType1 = typeof data2;
let coerced1 = undefined;
if(!(coerced1 !== undefined)){
if(dataType1 == "number" || dataType1 == "boolean"){
coerced1 = "" + data2;
}
else if(data2 === null){
coerced1 = "";
}
else {
const err2 = {instancePath:instancePath+"/placeholders/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/placeholders/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.additionalProperties.type,parentSchema:schema12.additionalProperties,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(coerced1 !== undefined){
data2 = coerced1;
if(data1 !== undefined){
data1[key1] = coerced1;
}
}
}
}
}
else {
const err3 = {instancePath:instancePath+"/placeholders",schemaPath:"#/definitions/placeholders/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.standIns !== undefined){
if(!(validate11(data.standIns, {instancePath:instancePath+"/standIns",parentData:data,parentDataProperty:"standIns",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data.timeouts !== undefined){
if(!(validate13(data.timeouts, {instancePath:instancePath+"/timeouts",parentData:data,parentDataProperty:"timeouts",rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
}
if(data.outputPolicy !== undefined){
let data5 = data.outputPolicy;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.extraLines === undefined){
data5.extraLines = "warn";
}
for(const key2 in data5){
if(!(key2 === "extraLines")){
const err4 = {instancePath:instancePath+"/outputPolicy",schemaPath:"#/definitions/OutputPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema18,data:data5};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
let data6 = data5.extraLines;
if(!((data6 === "warn") || (data6 === "fail"))){
const err5 = {instancePath:instancePath+"/outputPolicy/extraLines",schemaPath:"#/definitions/OutputPolicy/properties/extraLines/enum",keyword:"enum",params:{allowedValues: schema18.properties.extraLines.enum},message:"must be equal to one of the allowed values",schema:schema18.properties.extraLines.enum,parentSchema:schema18.properties.extraLines,data:data6};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/outputPolicy",schemaPath:"#/definitions/OutputPolicy/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema18.type,parentSchema:schema18,data:data5};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.setup !== undefined){
let data7 = data.setup;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key3 in data7){
if(!((key3 === "script") || (key3 === "copyDir"))){
const err7 = {instancePath:instancePath+"/setup",schemaPath:"#/definitions/SetupConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema19,data:data7};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data7.script !== undefined){
let data8 = data7.script;
if(typeof data8 !== "string"){
let dataType2 = typeof data8;
let coerced2 = undefined;
if(!(coerced2 !== undefined)){
if(dataType2 == "number" || dataType2 == "boolean"){
coerced2 = "" + data8;
}
else if(data8 === null){
coerced2 = "";
}
else {
const err8 = {instancePath:instancePath+"/setup/script",schemaPath:"#/definitions/SetupConfig/properties/script/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.script.type,parentSchema:schema19.properties.script,data:data8};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(coerced2 !== undefined){
data8 = coerced2;
if(data7 !== undefined){
data7["script"] = coerced2;
}
}
}
if(typeof data8 === "string"){
if(!pattern0.test(data8)){
const err9 = {instancePath:instancePath+"/setup/script",schemaPath:"#/definitions/SetupConfig/properties/script/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema19.properties.script,data:data8};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data7.copyDir !== undefined){
let data9 = data7.copyDir;
if(typeof data9 !== "string"){
let dataType3 = typeof data9;
let coerced3 = undefined;
if(!(coerced3 !== undefined)){
if(dataType3 == "number" || dataType3 == "boolean"){
coerced3 = "" + data9;
}
else if(data9 === null){
coerced3 = "";
}
else {
const err10 = {instancePath:instancePath+"/setup/copyDir",schemaPath:"#/definitions/SetupConfig/properties/copyDir/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.copyDir.type,parentSchema:schema19.properties.copyDir,data:data9};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(coerced3 !== undefined){
data9 = coerced3;
if(data7 !== undefined){
data7["copyDir"] = coerced3;
}
}
}
if(typeof data9 === "string"){
if(!pattern0.test(data9)){
const err11 = {instancePath:instancePath+"/setup/copyDir",schemaPath:"#/definitions/SetupConfig/properties/copyDir/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema19.properties.copyDir,data:data9};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
}
else {
const err12 = {instancePath:instancePath+"/setup",schemaPath:"#/definitions/SetupConfig/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.type,parentSchema:schema19,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.env !== undefined){
let data10 = data.env;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key4 in data10){
const _errs28 = errors;
if(typeof key4 === "string"){
if(!pattern5.test(key4)){
const err13 = {instancePath:instancePath+"/env",schemaPath:"#/definitions/env/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema20.propertyNames,data:key4,propertyName:key4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
var valid8 = _errs28 === errors;
if(!valid8){
const err14 = {instancePath:instancePath+"/env",schemaPath:"#/definitions/env/propertyNames",keyword:"propertyNames",params:{propertyName: key4},message:"property name must be valid",schema:schema20.propertyNames,parentSchema:schema20,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
for(const key5 in data10){
let data11 = data10[key5];
if(typeof data11 !== "string"){
let dataType4 = typeof data11;
let coerced4 = undefined;
if(!(coerced4 !== undefined)){
if(dataType4 == "number" || dataType4 == "boolean"){
coerced4 = "" + data11;
}
else if(data11 === null){
coerced4 = "";
}
else {
const err15 = {instancePath:instancePath+"/env/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/env/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.additionalProperties.type,parentSchema:schema20.additionalProperties,data:data11};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(coerced4 !== undefined){
data11 = coerced4;
if(data10 !== undefined){
data10[key5] = coerced4;
}
}
}
}
}
else {
const err16 = {instancePath:instancePath+"/env",schemaPath:"#/definitions/env/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema20.type,parentSchema:schema20,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.fileEdits !== undefined){
if(!(validate15(data.fileEdits, {instancePath:instancePath+"/fileEdits",parentData:data,parentDataProperty:"fileEdits",rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
}
if(data.expectFailure !== undefined){
let data13 = data.expectFailure;
if(Array.isArray(data13)){
const len0 = data13.length;
for(let i0=0; i0<len0; i0++){
let data14 = data13[i0];
if(typeof data14 !== "string"){
let dataType5 = typeof data14;
let coerced5 = undefined;
if(!(coerced5 !== undefined)){
if(dataType5 == "number" || dataType5 == "boolean"){
coerced5 = "" + data14;
}
else if(data14 === null){
coerced5 = "";
}
else {
const err17 = {instancePath:instancePath+"/expectFailure/" + i0,schemaPath:"#/definitions/expectFailure/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.items.type,parentSchema:schema23.items,data:data14};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(coerced5 !== undefined){
data14 = coerced5;
if(data13 !== undefined){
data13[i0] = coerced5;
}
}
}
if(typeof data14 === "string"){
if(!pattern2.test(data14)){
const err18 = {instancePath:instancePath+"/expectFailure/" + i0,schemaPath:"#/definitions/expectFailure/items/pattern",keyword:"pattern",params:{pattern: "^(.+:)?\\d+$"},message:"must match pattern \""+"^(.+:)?\\d+$"+"\"",schema:"^(.+:)?\\d+$",parentSchema:schema23.items,data:data14};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
}
else {
const err19 = {instancePath:instancePath+"/expectFailure",schemaPath:"#/definitions/expectFailure/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema23.type,parentSchema:schema23,data:data13};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.tolerance !== undefined){
if(!(validate17(data.tolerance, {instancePath:instancePath+"/tolerance",parentData:data,parentDataProperty:"tolerance",rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
}
if(data.sandbox !== undefined){
let data16 = data.sandbox;
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
if(data16.mode === undefined){
data16.mode = "auto";
}
for(const key6 in data16){
if(!((key6 === "mode") || (key6 === "allowHosts"))){
const err20 = {instancePath:instancePath+"/sandbox",schemaPath:"#/definitions/SandboxConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema26,data:data16};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
let data17 = data16.mode;
if(!(((data17 === "auto") || (data17 === "bwrap")) || (data17 === "none"))){
const err21 = {instancePath:instancePath+"/sandbox/mode",schemaPath:"#/definitions/SandboxConfig/properties/mode/enum",keyword:"enum",params:{allowedValues: schema26.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema26.properties.mode.enum,parentSchema:schema26.properties.mode,data:data17};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data16.allowHosts !== undefined){
let data18 = data16.allowHosts;
if(Array.isArray(data18)){
const len1 = data18.length;
for(let i1=0; i1<len1; i1++){
let data19 = data18[i1];
if(typeof data19 !== "string"){
let dataType6 = typeof data19;
let coerced6 = undefined;
if(!(coerced6 !== undefined)){
if(dataType6 == "number" || dataType6 == "boolean"){
coerced6 = "" + data19;
}
else if(data19 === null){
coerced6 = "";
}
else {
const err22 = {instancePath:instancePath+"/sandbox/allowHosts/" + i1,schemaPath:"#/definitions/SandboxConfig/properties/allowHosts/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.allowHosts.items.type,parentSchema:schema26.properties.allowHosts.items,data:data19};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(coerced6 !== undefined){
data19 = coerced6;
if(data18 !== undefined){
data18[i1] = coerced6;
}
}
}
if(typeof data19 === "string"){
if(!pattern10.test(data19)){
const err23 = {instancePath:instancePath+"/sandbox/allowHosts/" + i1,schemaPath:"#/definitions/SandboxConfig/properties/allowHosts/items/pattern",keyword:"pattern",params:{pattern: "^((\\*\\.)?[A-Za-z0-9.-]+|\\[[0-9a-fA-F:]+\\])(:[0-9]+)?$"},message:"must match pattern \""+"^((\\*\\.)?[A-Za-z0-9.-]+|\\[[0-9a-fA-F:]+\\])(:[0-9]+)?$"+"\"",schema:"^((\\*\\.)?[A-Za-z0-9.-]+|\\[[0-9a-fA-F:]+\\])(:[0-9]+)?$",parentSchema:schema26.properties.allowHosts.items,data:data19};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
}
else {
const err24 = {instancePath:instancePath+"/sandbox/allowHosts",schemaPath:"#/definitions/SandboxConfig/properties/allowHosts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema26.properties.allowHosts.type,parentSchema:schema26.properties.allowHosts,data:data18};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/sandbox",schemaPath:"#/definitions/SandboxConfig/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema26.type,parentSchema:schema26,data:data16};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.chapters !== undefined){
let data20 = data.chapters;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
for(const key7 in data20){
if(!(validate19(data20[key7], {instancePath:instancePath+"/chapters/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data20,parentDataProperty:key7,rootData}))){
vErrors = vErrors === null ? validate19.errors : vErrors.concat(validate19.errors);
errors = vErrors.length;
}
}
}
else {
const err26 = {instancePath:instancePath+"/chapters",schemaPath:"#/properties/chapters/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.chapters.type,parentSchema:schema11.properties.chapters,data:data20};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

