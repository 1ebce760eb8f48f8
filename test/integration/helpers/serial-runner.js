/**
 * The integration project's jest runner: the default one, run serially (in band). Fault tests
 * stop and restart the lab's shared Postgres and Redis, which would break any other integration
 * file running at the same time on a machine with more cores (jest's worker count follows them).
 */
const TestRunner = require('jest-runner').default;

class SerialRunner extends TestRunner {
  constructor(globalConfig, context) {
    super(globalConfig, context);
    this.isSerial = true;
  }
}

module.exports = SerialRunner;
