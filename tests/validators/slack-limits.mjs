// Slack's documented Block Kit limits (docs.slack.dev/reference/block-kit/blocks) and escaping, beyond the types:
// a message is refused with invalid_blocks past a limit, and an unescaped <!channel>, <@U...> or <url|label> in
// infrastructure text would ping people or forge a link.
const Limits = { blocks: 50, sectionText: 3000, headerText: 150, contextElements: 10, fields: 10, fieldText: 2000, buttonText: 75,
  buttonValue: 2000, actionId: 255, blockId: 255, altText: 2000, imageUrl: 3000, text: 40000, actionsElements: 25 };

const textOf = (object) => (object && typeof object.text === 'string' ? object.text : '');

// mrkdwn control sequences: DiagBot writes none of its own, so every < and > must arrive escaped.
const unescaped = (text) => /[<>]/.test(text);

export const checkSlackMessage = ({ name, value: message }) => {
  const problems = [];
  const say = (what) => problems.push(`slack/${name}: ${what}`);
  const mrkdwn = (where, object) => {
    if (object?.type === 'mrkdwn' && unescaped(object.text)) say(`${where}: unescaped < or > in mrkdwn: ${object.text.slice(0, 120)}`);
  };
  const blocks = message.blocks ?? [];
  if (typeof message.text !== 'string' || message.text.length === 0) say('no top-level text for notifications');
  else if (message.text.length > Limits.text) say(`text is ${message.text.length} characters`);
  if (unescaped(message.text ?? '')) say('unescaped < or > in the top-level text');
  if (blocks.length > Limits.blocks) say(`${blocks.length} blocks, over ${Limits.blocks}`);
  blocks.forEach((block, i) => {
    const where = `block ${i} (${block.type})`;
    if (block.block_id && block.block_id.length > Limits.blockId) say(`${where}: block_id too long`);
    if (block.type === 'header' && textOf(block.text).length > Limits.headerText) say(`${where}: header over ${Limits.headerText}`);
    if (block.type === 'section') {
      if (textOf(block.text).length > Limits.sectionText) say(`${where}: text over ${Limits.sectionText}`);
      mrkdwn(where, block.text);
      if ((block.fields ?? []).length > Limits.fields) say(`${where}: over ${Limits.fields} fields`);
      for (const field of block.fields ?? []) { if (textOf(field).length > Limits.fieldText) say(`${where}: field over ${Limits.fieldText}`); mrkdwn(where, field); }
    }
    if (block.type === 'context') {
      if ((block.elements ?? []).length > Limits.contextElements) say(`${where}: over ${Limits.contextElements} elements`);
      for (const element of block.elements ?? []) mrkdwn(where, element);
    }
    if (block.type === 'image' && (block.alt_text ?? '').length > Limits.altText) say(`${where}: alt_text over ${Limits.altText}`);
    if (block.type === 'actions') {
      if ((block.elements ?? []).length > Limits.actionsElements) say(`${where}: over ${Limits.actionsElements} elements`);
      for (const element of block.elements ?? []) {
        if (textOf(element.text).length > Limits.buttonText) say(`${where}: button text over ${Limits.buttonText}`);
        if ((element.value ?? '').length > Limits.buttonValue) say(`${where}: button value over ${Limits.buttonValue}`);
        if ((element.action_id ?? '').length > Limits.actionId) say(`${where}: action_id over ${Limits.actionId}`);
      }
    }
  });
  return problems;
};
