console.log("extra asset");
